"""Arabic text processing on camel-tools: normalize, tokenize, segment, stem, stop words.

Everything here works offline. Only :func:`lemmatize` needs camel-tools' downloadable data; it is
imported lazily and raises a clear error when the data is missing.
"""

from .normalization import PRESETS, STEPS, NormalizeSettings, Normalizer, get_normalizer, normalize
from .segmentation import Span, is_subheading, paragraph_spans, paragraphs, sentence_spans, sentences
from .stemming import camel_data_dir, lemmatize, stem, stem_tokens
from .stoplists import stopwords
from .tokenization import is_word, tokenize, words

__all__ = [
    "PRESETS", "STEPS", "NormalizeSettings", "Normalizer", "Span", "camel_data_dir",
    "get_normalizer", "is_subheading", "is_word", "lemmatize", "normalize", "paragraph_spans",
    "paragraphs", "sentence_spans", "sentences", "stem", "stem_tokens", "stopwords", "tokenize",
    "words",
]
