#define _GNU_SOURCE
#include "CCurlShim.h"
#include <pthread.h>
#include <string.h>

void bekal_set_current_thread_name(const char *name) {
#if defined(__APPLE__)
    pthread_setname_np(name);
#else
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = 0;
    pthread_setname_np(pthread_self(), truncated);
#endif
}

CURLcode bekal_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode bekal_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode bekal_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode bekal_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
CURLcode bekal_curl_setopt_callback(CURL *handle, CURLoption option, bekal_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
CURLcode bekal_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}
CURLcode bekal_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
CURLcode bekal_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}
struct curl_slist *bekal_curl_slist_append(struct curl_slist *list, const char *line) {
    return curl_slist_append(list, line);
}
void bekal_curl_slist_free(struct curl_slist *list) { curl_slist_free_all(list); }

const long bekal_curl_global_default = CURL_GLOBAL_DEFAULT;
const CURLoption bekal_opt_url = CURLOPT_URL;
const CURLoption bekal_opt_protocols_str = CURLOPT_PROTOCOLS_STR;
const CURLoption bekal_opt_redir_protocols_str = CURLOPT_REDIR_PROTOCOLS_STR;
const CURLoption bekal_opt_nosignal = CURLOPT_NOSIGNAL;
const CURLoption bekal_opt_connecttimeout_ms = CURLOPT_CONNECTTIMEOUT_MS;
const CURLoption bekal_opt_timeout_ms = CURLOPT_TIMEOUT_MS;
const CURLoption bekal_opt_ssl_verifypeer = CURLOPT_SSL_VERIFYPEER;
const CURLoption bekal_opt_ssl_verifyhost = CURLOPT_SSL_VERIFYHOST;
const CURLoption bekal_opt_cainfo = CURLOPT_CAINFO;
const CURLoption bekal_opt_writefunction = CURLOPT_WRITEFUNCTION;
const CURLoption bekal_opt_writedata = CURLOPT_WRITEDATA;
const CURLoption bekal_opt_headerfunction = CURLOPT_HEADERFUNCTION;
const CURLoption bekal_opt_headerdata = CURLOPT_HEADERDATA;
const CURLoption bekal_opt_httpheader = CURLOPT_HTTPHEADER;
const CURLoption bekal_opt_postfields = CURLOPT_POSTFIELDS;
const CURLoption bekal_opt_postfieldsize_large = CURLOPT_POSTFIELDSIZE_LARGE;
const CURLoption bekal_opt_customrequest = CURLOPT_CUSTOMREQUEST;
const CURLoption bekal_opt_followlocation = CURLOPT_FOLLOWLOCATION;
const CURLoption bekal_opt_useragent = CURLOPT_USERAGENT;
const CURLoption bekal_opt_http_version = CURLOPT_HTTP_VERSION;
const CURLoption bekal_opt_post = CURLOPT_POST;
const CURLoption bekal_opt_errorbuffer = CURLOPT_ERRORBUFFER;
const CURLoption bekal_opt_httpget = CURLOPT_HTTPGET;
const CURLINFO bekal_info_response_code = CURLINFO_RESPONSE_CODE;
const size_t bekal_curl_error_size = CURL_ERROR_SIZE;
