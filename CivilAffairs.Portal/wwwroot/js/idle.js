// Ends the session after the configured idle time, and keeps it alive while the user works.
// The cookie slides only on HTTP requests; an open Blazor page makes none, so the browser tracks
// activity itself: it pings the server every few minutes while active and signs out when idle.
(function () {
    const script = document.currentScript;
    const minutes = Number(script && script.dataset.idleMinutes) || 30;
    const limit = minutes * 60 * 1000;
    const pingEvery = Math.min(5, minutes / 3) * 60 * 1000;
    let last = Date.now();
    let lastPing = Date.now();
    const touch = () => { last = Date.now(); };
    ["mousemove", "mousedown", "keydown", "touchstart", "scroll", "wheel"].forEach(e =>
        window.addEventListener(e, touch, { passive: true, capture: true }));
    const onAccountPage = () => location.pathname.toLowerCase().startsWith("/account/");
    setInterval(() => {
        if (onAccountPage()) {
            return;
        }
        const now = Date.now();
        if (now - last > limit) {
            location.href = "/Account/IdleLogout";
        } else if (last > lastPing && now - lastPing > pingEvery) {
            lastPing = now;
            fetch("/Account/KeepAlive", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
        }
    }, 30 * 1000);
})();
