// OpenBLAS's CBLAS interface (cblas_sgemm and friends); the include path comes from pkg-config.
#include <cblas.h>
