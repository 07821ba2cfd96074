"""Features for models: the Arabic analyzer and document-term matrices.

``analyzer`` (ArabicAnalyzer: text → terms, a scikit-learn estimator) and ``dtm`` (DTM and
document_term_matrix, with readable surface forms and the shared document-frequency bounds).
"""

from .analyzer import ArabicAnalyzer
from .dtm import DTM, df_bounds, document_term_matrix

__all__ = ["ArabicAnalyzer", "DTM", "document_term_matrix", "df_bounds"]
