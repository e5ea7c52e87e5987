# After install ($1 = 1) or upgrade ($1 = 2): systemd learns the unit; an upgraded running service restarts
# on the new version (its data and /etc/dialer/dialer.yaml are kept; migrations run at its start).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 2 ]; then
        systemctl try-restart dialer.service >/dev/null 2>&1 || :
    fi
fi
exit 0
