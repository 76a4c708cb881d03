// The Snowball stemmers (Debian's libstemmer-dev), used by the mirror's themes.
#include <libstemmer.h>
