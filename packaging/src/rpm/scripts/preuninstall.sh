# Before removal ($1 = 0, not an upgrade): the service is stopped and disabled. Data and configuration stay.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl --no-reload disable --now dialer.service >/dev/null 2>&1 || :
fi
exit 0
