# The proxy in front of the app containers (compose.yaml): Debian's nginx package, the same
# one `make test-deploy` runs, with the same deploy/nginx.conf.
#   built by compose.yaml with this folder (deploy/) as the context
FROM debian:bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/hfs-nginx
COPY nginx.conf security-headers.conf app-servers.conf listen.conf ./
# Logs go to the container's output (they hold no answers: see nginx.conf); the
# configuration is checked at build time.
RUN mkdir -p logs temp \
 && ln -sf /dev/stdout logs/access.log \
 && ln -sf /dev/stderr logs/error.log \
 && nginx -t -q -p /srv/hfs-nginx/ -c /srv/hfs-nginx/nginx.conf

EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-p", "/srv/hfs-nginx/", "-c", "/srv/hfs-nginx/nginx.conf", "-g", "daemon off;"]
