vcl 4.1;

# Varnish in front of Byline: caches public reads for as long as their Cache-Control says,
# keys each object by Byline's Surrogate-Key header (through xkey), and lets Byline's purge
# sender (PURGE_URLS) drop objects by key. Needs varnish-modules for xkey (Debian:
# apt-get install varnish varnish-modules).

import std;
import xkey;

# Where Byline listens: change this line for your deployment.
backend byline { .host = "127.0.0.1"; .port = "3000"; }

# Who may purge: Byline's processes on this host. Add the origin's address if it runs elsewhere.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    # Keys are space-separated, as in Surrogate-Key. A soft purge keeps the object to serve
    # stale (within its grace) while the fresh one is fetched; a purge drops it.
    if (req.http.xkey-purge) {
      set req.http.x-purged = xkey.purge(req.http.xkey-purge);
    } elsif (req.http.xkey-softpurge) {
      set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
    } else {
      return (synth(400, "PURGE needs an xkey-purge or xkey-softpurge header"));
    }
    return (synth(200, "Purged " + req.http.x-purged));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # A keyed request (an editor, a partner) is answered by Byline alone, and never stored.
  if (req.http.Authorization) {
    return (pass);
  }
  return (hash);
}

sub vcl_backend_response {
  if (bereq.uncacheable) {
    return (deliver);
  }
  if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
  # xkey reads its keys from the xkey header; Byline names them in Surrogate-Key.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  # max-age sets the TTL (Varnish reads it); stale-while-revalidate becomes the grace.
  if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
    set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s);
  }
  return (deliver);
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  unset resp.http.xkey;
}

sub vcl_synth {
  if (req.method == "PURGE") {
    set resp.http.X-Cache = "PURGE";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}
