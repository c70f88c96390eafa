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
    // Posts the sign-out with the antiforgery token of the page's own 退出 form (a GET could be
    // triggered by any link on another site).
    const signOut = () => {
        const token = document.querySelector("form[action$='Account/Logout'] input[name='__RequestVerificationToken']");
        const form = document.createElement("form");
        form.method = "post";
        form.action = "/Account/IdleLogout";
        if (token) {
            form.appendChild(token.cloneNode());
        }
        document.body.appendChild(form);
        form.submit();
    };
    const onAccountPage = () => location.pathname.toLowerCase().startsWith("/account/");
    setInterval(() => {
        if (onAccountPage()) {
            return;
        }
        const now = Date.now();
        if (now - last > limit) {
            signOut();
        } else if (last > lastPing && now - lastPing > pingEvery) {
            lastPing = now;
            fetch("/Account/KeepAlive", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
        }
    }, 30 * 1000);
})();
