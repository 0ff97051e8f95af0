-- Sign-in failures counted per client address across emails (LOGIN_MAX_FAILURES_PER_ADDRESS).
create index login_failures_client_ip_idx on login_failures (client_ip, at);
