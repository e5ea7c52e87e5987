# After removal or upgrade: systemd forgets the old unit. /var/lib/dialer, /var/log/dialer, the dialer user
# and an edited /etc/dialer/dialer.yaml stay for the admin to remove.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
exit 0
