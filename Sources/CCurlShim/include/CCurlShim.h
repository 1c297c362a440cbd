#ifndef BEKAL_CCURL_SHIM_H
#define BEKAL_CCURL_SHIM_H
#include <curl/curl.h>
#endif
