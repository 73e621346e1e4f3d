from newsgraph.spark import main

main()
