// Ends the session after the configured idle time. The cookie's sliding expiry covers plain page
// requests; an open Blazor page makes none, so the browser tracks user activity itself.
(function () {
    const script = document.currentScript;
    const minutes = Number(script && script.dataset.idleMinutes) || 30;
    const limit = minutes * 60 * 1000;
    let last = Date.now();
    const touch = () => { last = Date.now(); };
    ["mousemove", "mousedown", "keydown", "touchstart", "scroll", "wheel"].forEach(e =>
        window.addEventListener(e, touch, { passive: true, capture: true }));
    setInterval(() => {
        if (Date.now() - last > limit && !location.pathname.toLowerCase().startsWith("/account/")) {
            location.href = "/Account/IdleLogout";
        }
    }, 30 * 1000);
})();
