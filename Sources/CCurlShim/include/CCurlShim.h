#ifndef BEKAL_CCURL_SHIM_H
#define BEKAL_CCURL_SHIM_H
#include <curl/curl.h>
#include <stddef.h>

/// Non-variadic wrappers around libcurl's variadic calls, which Swift cannot call directly.

typedef size_t (*bekal_curl_data_callback)(char *data, size_t size, size_t count, void *context);

CURLcode bekal_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode bekal_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode bekal_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode bekal_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode bekal_curl_setopt_callback(CURL *handle, CURLoption option, bekal_curl_data_callback callback);
CURLcode bekal_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list);

CURLcode bekal_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode bekal_curl_getinfo_double(CURL *handle, CURLINFO info, double *value);

/// Appends a header line; returns the new list head or NULL on allocation failure (the old list is kept).
struct curl_slist *bekal_curl_slist_append(struct curl_slist *list, const char *line);
void bekal_curl_slist_free(struct curl_slist *list);

/// Names the calling thread (at most 15 bytes are kept on Linux), so the dedicated libcurl thread shows in tools.
void bekal_set_current_thread_name(const char *name);

/// The libcurl constants Swift needs, as plain values (some are macros Swift does not import).
extern const long bekal_curl_global_default;
extern const CURLoption bekal_opt_url, bekal_opt_protocols_str, bekal_opt_redir_protocols_str, bekal_opt_nosignal,
    bekal_opt_connecttimeout_ms, bekal_opt_timeout_ms, bekal_opt_ssl_verifypeer, bekal_opt_ssl_verifyhost,
    bekal_opt_cainfo, bekal_opt_writefunction, bekal_opt_writedata, bekal_opt_headerfunction, bekal_opt_headerdata,
    bekal_opt_httpheader, bekal_opt_postfields, bekal_opt_postfieldsize_large, bekal_opt_customrequest,
    bekal_opt_followlocation, bekal_opt_useragent, bekal_opt_http_version, bekal_opt_post, bekal_opt_errorbuffer, bekal_opt_httpget;
extern const CURLINFO bekal_info_response_code;
extern const size_t bekal_curl_error_size;

#endif
