# Before the files land: the service's own user and group, made once and kept.
if ! getent group dialer >/dev/null; then
    groupadd --system dialer
fi
if ! getent passwd dialer >/dev/null; then
    useradd --system --gid dialer --home-dir /var/lib/dialer --no-create-home \
        --shell /sbin/nologin --comment "Dialer appliance" dialer
fi
exit 0
