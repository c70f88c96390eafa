using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivilAffairs.Portal.Reporting;
using CivilAffairs.Portal.Resources;
using CivilAffairs.Tests.Support;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// The smoke test's portal: one per run, each demo user signed in once, the site map (pages, downloads, who
/// may open them) derived from the running app, and each user's HTTP sweep of the pages kept for both tests.
/// </summary>
public sealed class SmokePortalServer : PortalServer
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IPage>>> _signedIn = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<SmokeTests.HttpVisit>>>> _sweeps = new();
    private readonly Lazy<Task<SmokeSiteMap>> _siteMap;

    public SmokePortalServer() => _siteMap = new(() => SmokeSiteMap.BuildAsync(Services));

    public Task<SmokeSiteMap> SiteMapAsync() => _siteMap.Value;

    /// <summary>A browser context signed in as the demo user, shared by the smoke tests.</summary>
    public Task<IPage> SignedInAsync(string user) => _signedIn.GetOrAdd(user, u => new(async () =>
    {
        var page = await SignInAsync(u);
        page.SetDefaultTimeout(30_000);
        return page;
    })).Value;

    /// <summary>The user's HTTP sweep of every parameterless page, made once (the download test harvests its links).</summary>
    public Task<IReadOnlyList<SmokeTests.HttpVisit>> PageSweepAsync(string user, Func<Task<IReadOnlyList<SmokeTests.HttpVisit>>> sweep) =>
        _sweeps.GetOrAdd(user, _ => new(sweep)).Value;
}

/// <summary>
/// Every routable page opened by every demo user, and every download fetched by every demo user, with the
/// outcome the app's own authorization predicts: the page's content, the polite access-denied rendering, or
/// not found — never the error UI, an empty title or an error in the server log. Pages and downloads come from
/// the route table and the endpoint data source, so a new page or export is covered without editing this test.
/// Each user runs in a lane of its own (their own browser context, one visit at a time), the lanes side by
/// side; what the server logs is attributed through the signed-in user of the request or circuit that logged it.
/// </summary>
[Collection(SmokePortalCollection.Name)]
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed partial class SmokeTests(SmokePortalServer portal, ITestOutputHelper output)
{
    /// <summary>The exception handler's page: showing the error page is its content.</summary>
    private const string ErrorPage = "/Error";

    /// <summary>An id no demo record has: the record pages must answer not found.</summary>
    private const int MissingId = int.MaxValue;

    /// <summary>A page has settled when its DOM has not changed for this long (data arrived, or the error UI showed)…</summary>
    private const int QuietMilliseconds = 150;

    /// <summary>…or after this long at most.</summary>
    private const int QuietAtMostMilliseconds = 5_000;

    /// <summary>How long a list may take to show its first rows (five browser lanes and the server share two cores).</summary>
    private static readonly TimeSpan RowWait = TimeSpan.FromSeconds(30);

    public sealed record HttpVisit(string Template, string Url, int Status, string? Location, string Html, List<ServerErrorLog.Entry> Errors)
    {
        public string Title => TitleRegex().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : string.Empty;
    }

    /// <summary>The texts the portal shows for its outcomes, read from its own resources (Chinese, as the browser asks).</summary>
    private sealed record Texts(string CircuitError, string ErrorTitle, string NotFoundTitle);

    private enum Outcome
    {
        Content,
        Denied,
        NotFound,
    }

    [Fact]
    public async Task TheDerivedExpectationsAgreeWithTheRulesWeKnow()
    {
        var map = await portal.SiteMapAsync();

        // Generated, so it must not silently collapse into "everyone denied" or "everyone admitted".
        Assert.True(map.Pages.Count >= 50, $"only {map.Pages.Count} routes found");
        Assert.True(map.Downloads.Count >= 20, $"only {map.Downloads.Count} downloads found");
        Assert.All(map.Pages, p => Assert.True(p.Access["admin"], $"admin cannot open {p}"));
        Assert.All(map.Downloads, d => Assert.True(d.Access["admin"], $"admin cannot download {d}"));
        Assert.All(SmokeSiteMap.DemoUsers, u => Assert.True(map.Page("/").Access[u], $"{u} cannot open the home page"));
        foreach (var user in new[] { "leader", "stat", "elderly", "jinghe" })
        {
            Assert.False(map.Page("/admin/users").Access[user], $"{user} may open /admin/users");
            Assert.False(map.Page("/admin/audit").Access[user], $"{user} may open /admin/audit");
            Assert.False(map.Download("/export/audit.xlsx").Access[user], $"{user} may download the audit log");
        }

        Assert.False(map.Page("/assistance/cases").Access["elderly"]);
        Assert.False(map.Page("/assistance/cases/{Id:int}").Access["elderly"]);
        Assert.False(map.Download("/export/assistance/cases.xlsx").Access["elderly"]);
        Assert.True(map.Page("/elderly/persons").Access["elderly"]);
        Assert.True(map.Download("/export/elderly/persons.xlsx").Access["elderly"]);
        Assert.True(map.Page("/assistance/cases").Access["jinghe"]);
        Assert.True(map.Page("/assistance/cases").Access["leader"]);
        Assert.True(map.Page("/reports").Access["stat"]);
        Assert.False(map.Page("/reports").Access["jinghe"]);
        Assert.True(map.Page("/people").Access["elderly"]);
        Assert.All(SmokeSiteMap.DemoUsers, u => Assert.True(map.Pages.Count(p => p.Access[u] && !p.Anonymous) >= 10, $"{u} may open almost nothing"));
        Assert.All(SmokeSiteMap.DemoUsers.Except(["admin"]), u => Assert.Contains(map.Pages, p => !p.Access[u]));
    }

    [Fact]
    public async Task EveryPageGivesEveryDemoUserTheExpectedOutcome()
    {
        var clock = Stopwatch.StartNew();
        var map = await portal.SiteMapAsync();
        var texts = ReadTexts();
        var problems = new List<string>();
        problems.AddRange(map.Pages.Where(p => p.HasParameters && p.IdParameter is null)
            .Select(p => $"{p} × all: route parameters the smoke test cannot fill ({string.Join(", ", p.Pattern.Parameters.Select(x => x.Name))})"));
        Assert.Contains(map.Pages, p => p.Template == ErrorPage);

        var lanes = await Task.WhenAll(SmokeSiteMap.DemoUsers.Select(user => PageLaneAsync(map, texts, user)));
        foreach (var lane in lanes)
        {
            problems.AddRange(lane.Problems);
            output.WriteLine($"{lane.User}: {lane.Summary}");
        }

        problems.AddRange(portal.ServerLog.Drain(string.Empty).Select(e => $"(no signed-in request): server logged {e}"));
        output.WriteLine($"{map.Pages.Count} routes; {lanes.Sum(l => l.HttpChecks)} HTTP page × user checks, {lanes.Sum(l => l.BrowserVisits)} browser visits "
            + $"({lanes.Sum(l => l.PageLoads)} full page loads), {lanes.Sum(l => l.Ids)} record ids found; {clock.Elapsed.TotalSeconds:0} s");
        Report(problems, "pages");
    }

    [Fact]
    public async Task EveryDownloadGivesEveryDemoUserAWorkbookOrARefusal()
    {
        var clock = Stopwatch.StartNew();
        var map = await portal.SiteMapAsync();

        // The links the pages offer (with the query they really send, e.g. the month), per user.
        var sweeps = await Task.WhenAll(SmokeSiteMap.DemoUsers.Select(user => portal.PageSweepAsync(user, () => SweepAsync(map, user))));
        var links = SmokeSiteMap.DemoUsers.Zip(sweeps)
            .SelectMany(s => s.Second.SelectMany(v => DownloadLinkRegex().Matches(v.Html)
                .Select(m => (User: s.First, Url: Relative(WebUtility.HtmlDecode(m.Groups[1].Value))))))
            .Distinct().ToList();
        output.WriteLine($"page sweeps: {clock.Elapsed.TotalSeconds:0} s");

        var lanes = await Task.WhenAll(SmokeSiteMap.DemoUsers.Select(user => DownloadLaneAsync(map, links, user)));
        var problems = lanes.SelectMany(l => l.Problems).ToList();
        problems.AddRange(portal.ServerLog.Drain(string.Empty).Select(e => $"(no signed-in request): server logged {e}"));
        output.WriteLine($"{map.Downloads.Count} downloads, {lanes.Sum(l => l.HttpChecks)} download × user checks, {clock.Elapsed.TotalSeconds:0} s");
        Report(problems, "downloads");
    }

    /// <summary>One user's visits, one at a time, and what went wrong in them.</summary>
    private sealed class Lane(SmokePortalServer portal, string user)
    {
        private string _where = $"before {user}'s first visit";

        public string User => user;

        public SmokePortalServer Portal => portal;

        public List<string> Problems { get; } = [];

        public int HttpChecks { get; set; }

        public int BrowserVisits { get; set; }

        public int PageLoads { get; set; }

        public int Ids { get; set; }

        public List<(bool PageLoad, long Milliseconds)> Timings { get; } = [];

        /// <summary>The page component on screen in the user's browser (the next in-circuit visit waits for it to go).</summary>
        public Type? OnScreen { get; set; }

        /// <summary>Why a list gave no record id, by record page.</summary>
        public Dictionary<string, string> NoIdBecause { get; } = [];

        public string Summary { get; set; } = string.Empty;

        /// <summary>Where the user's browser is (path and query).</summary>
        public string LastPlace { get; set; } = "/";

        /// <summary>Starts a visit; what the server logged for this user since the last one ended belongs to that one.</summary>
        public void Begin(string where)
        {
            Problems.AddRange(portal.ServerLog.Drain(user).Select(e => $"{_where}: server logged after the visit: {e}"));
            _where = where;
        }

        /// <summary>What the server logged for this user during the visit.</summary>
        public IReadOnlyList<ServerErrorLog.Entry> Logged() => portal.ServerLog.Drain(user);

        public void End() => Begin($"after {user}'s last visit");
    }

    private Texts ReadTexts()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var l = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            return new Texts(l["Error.Circuit"], l["Error.Title"], l["NotFound.Title"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Every parameterless page over HTTP (the prerendered page, or the redirect of a refusal).</summary>
    private async Task<IReadOnlyList<HttpVisit>> SweepAsync(SmokeSiteMap map, string user)
    {
        var lane = new Lane(portal, user);
        var visits = new List<HttpVisit>();
        foreach (var page in map.Pages.Where(p => !p.HasParameters))
        {
            // Logged after the previous request ended: that request's.
            var late = portal.ServerLog.Drain(user);
            if (visits.Count > 0)
            {
                visits[^1].Errors.AddRange(late);
            }

            visits.Add(await GetAsync(lane, page, page.Template));
        }

        visits[^1].Errors.AddRange(portal.ServerLog.Drain(user));
        return visits;
    }

    private async Task<HttpVisit> GetAsync(Lane lane, PageRoute page, string url)
    {
        var browser = await portal.SignedInAsync(lane.User);
        lane.Begin($"{url} × {lane.User} (HTTP)");
        var response = await browser.APIRequest.GetAsync(url, new() { MaxRedirects = 0, FailOnStatusCode = false, Timeout = 120_000 });
        var html = response.Status is 200 or 404 ? await response.TextAsync() : string.Empty;
        response.Headers.TryGetValue("location", out var location);
        return new HttpVisit(page.Template, url, response.Status, location, html, [.. lane.Logged()]);
    }

    private async Task<Lane> PageLaneAsync(SmokeSiteMap map, Texts texts, string user)
    {
        var clock = Stopwatch.StartNew();
        var lane = new Lane(portal, user);

        // 1. Over HTTP, every parameterless page: content, or a redirect to the access-denied page.
        var sweep = await portal.PageSweepAsync(user, () => SweepAsync(map, user));
        foreach (var visit in sweep)
        {
            var page = map.Page(visit.Template);
            lane.Problems.AddRange(CheckHttp(page, user, visit, page.Access[user] ? Outcome.Content : Outcome.Denied, texts));
            lane.HttpChecks++;
        }

        // The polite rendering of a refusal.
        var denied = await GetAsync(lane, map.Page("/Account/AccessDenied"), "/Account/AccessDenied");
        if (!denied.Html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal))
        {
            lane.Problems.Add($"/Account/AccessDenied × {user} (HTTP): does not render the access-denied notice (HTTP {denied.Status})");
        }

        var httpSeconds = clock.Elapsed.TotalSeconds;

        // 2. In the browser, every interactive page the user may open, once the circuit runs: no error UI, lists
        //    show rows, and the record pages get a real id from their list (the first row clicked). Each page is
        //    loaded in full (prerender, new circuit) by one of its users in turn; the others navigate to it in
        //    their running circuit, as a menu click does.
        var ids = new Dictionary<string, int>();
        var pages = map.Pages.Where(p => p.Interactive && (!p.HasParameters || p.IdParameter is not null)).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (!page.Access[user])
            {
                continue;
            }

            string url;
            if (page.IdParameter is null)
            {
                url = page.Template;
            }
            else if (ids.TryGetValue(page.Template, out var id))
            {
                url = page.WithId(id);
            }
            else
            {
                lane.Problems.Add($"{page} × {user}: no demo id found: {lane.NoIdBecause.GetValueOrDefault(page.Template, $"its list {page.ParentTemplate} was not visited")}");
                continue;
            }

            var admitted = SmokeSiteMap.DemoUsers.Where(u => page.Access[u]).ToList();
            var fullLoad = admitted[i % admitted.Count] == user;
            var children = map.Pages.Where(c => c.IdParameter is not null && c.ParentTemplate == page.Template && c.Access[user]).ToList();
            await VisitInBrowserAsync(lane, page, url, fullLoad, texts, children, ids);
        }

        lane.Ids = ids.Count;
        var browserSeconds = clock.Elapsed.TotalSeconds - httpSeconds;

        // 3. Over HTTP, every record page: a real id gives the content, a missing id not found, and a user the
        //    page's policy refuses is refused whatever the id.
        foreach (var page in map.Pages.Where(p => p.IdParameter is not null))
        {
            if (!page.Access[user])
            {
                lane.Problems.AddRange(CheckHttp(page, user, await GetAsync(lane, page, page.WithId(1)), Outcome.Denied, texts));
                lane.HttpChecks++;
                continue;
            }

            if (ids.TryGetValue(page.Template, out var id))
            {
                lane.Problems.AddRange(CheckHttp(page, user, await GetAsync(lane, page, page.WithId(id)), Outcome.Content, texts));
                lane.HttpChecks++;
            }

            lane.Problems.AddRange(CheckHttp(page, user, await GetAsync(lane, page, page.WithId(MissingId)), Outcome.NotFound, texts));
            lane.HttpChecks++;
        }

        lane.End();
        lane.Summary = $"{lane.HttpChecks} HTTP checks, {lane.BrowserVisits} browser visits ({lane.PageLoads} full loads), {lane.Ids} ids; "
            + $"HTTP {httpSeconds:0} s, browser {browserSeconds:0} s, total {clock.Elapsed.TotalSeconds:0} s; "
            + $"page load ⌀ {lane.Timings.Where(t => t.PageLoad).Select(t => t.Milliseconds).DefaultIfEmpty().Average():0} ms, in circuit ⌀ {lane.Timings.Where(t => !t.PageLoad).Select(t => t.Milliseconds).DefaultIfEmpty().Average():0} ms";
        return lane;
    }

    private static IEnumerable<string> CheckHttp(PageRoute page, string user, HttpVisit visit, Outcome expected, Texts texts)
    {
        var where = $"{visit.Url} × {user} (HTTP)";
        var found = visit.Errors.Select(e => $"{where}: server logged {e}").ToList();
        var got = $"HTTP {visit.Status}{(visit.Location is null ? string.Empty : " → " + visit.Location)} «{visit.Title}»";
        switch (expected)
        {
            case Outcome.Denied:
                if (!(visit.Status == 403 || (visit.Status == 302 && visit.Location?.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true)))
                {
                    found.Add($"{where}: expected access denied, got {got}");
                }

                return found;
            case Outcome.NotFound:
                if (visit.Status != 404 || visit.Title != texts.NotFoundTitle)
                {
                    found.Add($"{where}: expected not found for a missing id, got {got}");
                }

                return found;
        }

        if (visit.Status != 200)
        {
            found.Add($"{where}: expected the page, got {got}");
            return found;
        }

        if (visit.Title.Length == 0)
        {
            found.Add($"{where}: empty <title>");
        }

        if (page.Template != ErrorPage && visit.Title == texts.ErrorTitle)
        {
            found.Add($"{where}: shows the error page");
        }

        if (visit.Html.Contains(texts.CircuitError, StringComparison.Ordinal))
        {
            found.Add($"{where}: shows the error UI «{texts.CircuitError}»");
        }

        if (!page.Anonymous && visit.Title == texts.NotFoundTitle)
        {
            found.Add($"{where}: shows not found");
        }

        if (!page.Anonymous && visit.Html.Contains("data-testid=\"access-denied\"", StringComparison.Ordinal))
        {
            found.Add($"{where}: shows access denied although the page's policy admits the user");
        }

        return found;
    }

    private sealed record BrowserState(string Title, bool ErrorUi, bool CircuitError, bool Denied, bool NotFound, bool Reconnecting, int[] Rows);

    private const string ReconnectSelector = "'.components-reconnect-show, .components-reconnect-retrying, .components-reconnect-failed, .components-reconnect-rejected'";

    /// <summary>
    /// Navigates inside the running circuit, as a menu click does, in one round trip: returns "dead" when no circuit
    /// runs, else waits for the address and — when another page component comes — for the previous page's elements
    /// to go (its first render replaces them), so the checks never read the page before. Null when it arrived.
    /// </summary>
    private static readonly string NavigateScript = """
        async ([url, replaced, timeout]) => {
          if (typeof Blazor === 'undefined' || !document.querySelector('#circuit-status[data-interactive=true]')
              || document.querySelector(RECONNECT)) {
            return 'dead';
          }
          const here = () => location.pathname + location.search;
          replaced = replaced && here() !== url;
          document.querySelectorAll('.mud-main-content > *').forEach(e => e.setAttribute('data-smoke-previous', ''));
          const start = performance.now();
          Blazor.navigateTo(url);
          const until = async (done, what) => {
            while (!done()) {
              if (performance.now() - start > timeout) { return what; }
              await new Promise(r => setTimeout(r, 25));
            }
            return null;
          };
          return await until(() => here() === url, 'the browser did not go to the address')
            ?? (replaced ? await until(() => !document.querySelector('[data-smoke-previous]'), 'the page before stayed on screen') : null);
        }
        """.Replace("RECONNECT", ReconnectSelector, StringComparison.Ordinal);

    /// <summary>
    /// Waits until the page settles — its DOM unchanged for a moment (data arrived, or the error UI showed), and
    /// with <c>rows</c> until every list shows rows or the error UI shows — then reads what it shows. Lists are
    /// MudDataGrid and MudTable (MudSimpleTable is static layout); a row has a data cell, not the "no records" or
    /// loading row.
    /// </summary>
    private static readonly string SettleScript = """
        async ([quiet, atMost, rows, rowWait, circuitError, notFound]) => {
          const sleep = ms => new Promise(r => setTimeout(r, ms));
          const start = performance.now();
          let last = start;
          const observer = new MutationObserver(() => last = performance.now());
          observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
          await sleep(quiet);
          while (performance.now() - last < quiet && performance.now() - start < atMost) { await sleep(25); }
          observer.disconnect();
          const visible = el => !!el && el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden';
          const read = () => {
            const lists = [...document.querySelectorAll('.mud-table:not(.mud-simple-table)')].filter(t => visible(t) && !t.closest('.mud-popover, .mud-dialog'));
            return {
              Title: document.title,
              ErrorUi: visible(document.getElementById('blazor-error-ui')),
              CircuitError: (document.body ? document.body.innerText : '').includes(circuitError),
              Denied: !!document.querySelector('[data-testid=access-denied]'),
              NotFound: document.title === notFound,
              Reconnecting: !!document.querySelector(RECONNECT),
              Rows: lists.map(t => [...t.querySelectorAll('tbody tr')].filter(r =>
                [...r.children].some(c => c.tagName === 'TD' && !/mud-table-(empty-row|loading)/.test(c.className))).length),
            };
          };
          let state = read();
          const rowsSince = performance.now();
          while (rows && state.Rows.some(n => n === 0) && !state.CircuitError && !state.ErrorUi && performance.now() - rowsSince < rowWait) {
            await sleep(100);
            state = read();
          }
          return state;
        }
        """.Replace("RECONNECT", ReconnectSelector, StringComparison.Ordinal);

    private static async Task<BrowserState> SettleAsync(IPage page, Texts texts, bool rows)
    {
        var state = await page.EvaluateAsync<JsonElement>(SettleScript, new object[] { QuietMilliseconds, QuietAtMostMilliseconds, rows, (int)RowWait.TotalMilliseconds, texts.CircuitError, texts.NotFoundTitle });
        return new BrowserState(
            state.GetProperty("Title").GetString() ?? string.Empty,
            state.GetProperty("ErrorUi").GetBoolean(),
            state.GetProperty("CircuitError").GetBoolean(),
            state.GetProperty("Denied").GetBoolean(),
            state.GetProperty("NotFound").GetBoolean(),
            state.GetProperty("Reconnecting").GetBoolean(),
            [.. state.GetProperty("Rows").EnumerateArray().Select(r => r.GetInt32())]);
    }

    /// <summary>
    /// Opens the page as the lane's user — a full page load, or a navigation inside the running circuit — and
    /// waits until it settles; then checks what shows, and takes record ids from a list for its record pages.
    /// </summary>
    private static async Task VisitInBrowserAsync(Lane lane, PageRoute route, string url, bool fullLoad, Texts texts, IReadOnlyList<PageRoute> children, Dictionary<string, int> ids)
    {
        var page = await lane.Portal.SignedInAsync(lane.User);
        var found = lane.Problems;
        var console = new List<string>();
        void OnConsole(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error")
            {
                console.Add(message.Text);
            }
        }

        void OnPageError(object? sender, string error) => console.Add(error);
        page.Console += OnConsole;
        page.PageError += OnPageError;
        var where = $"{url} × {lane.User} (browser, {(fullLoad ? "page load" : "in circuit")})";
        lane.BrowserVisits++;
        var visit = Stopwatch.StartNew();
        try
        {
            var previous = lane.OnScreen;
            lane.Begin(where);
            var navigated = fullLoad ? "full" : await page.EvaluateAsync<string?>(NavigateScript, new object[] { url, previous != route.Component, 30_000 });
            if (navigated == "dead")
            {
                found.Add($"{lane.LastPlace} × {lane.User} (browser): the circuit was not running after this visit");
            }

            if (navigated is "full" or "dead")
            {
                if (navigated == "dead")
                {
                    where = $"{url} × {lane.User} (browser, page load)";
                    lane.Begin(where);
                }

                lane.PageLoads++;
                var response = await page.GotoAsync(url);
                if (response?.Status is { } status and not 200)
                {
                    found.Add($"{where}: HTTP {status}");
                }

                await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }
            else if (navigated is not null)
            {
                found.Add($"{where}: {navigated} within 30 s (from {previous?.Name})");
            }

            lane.OnScreen = route.Component;
            lane.LastPlace = url;
            var state = await SettleAsync(page, texts, rows: !route.HasParameters);
            if (string.IsNullOrWhiteSpace(state.Title))
            {
                found.Add($"{where}: empty <title>");
            }

            if (state.ErrorUi)
            {
                found.Add($"{where}: #blazor-error-ui is shown");
            }

            if (state.CircuitError)
            {
                found.Add($"{where}: shows the error UI «{texts.CircuitError}»");
            }

            if (state.Reconnecting)
            {
                found.Add($"{where}: the circuit broke (reconnect UI shown)");
            }

            if (route.Template != ErrorPage && state.Title == texts.ErrorTitle)
            {
                found.Add($"{where}: shows the error page");
            }

            if (!route.Anonymous && state.Denied)
            {
                found.Add($"{where}: shows access denied although the page's policy admits the user");
            }

            if (!route.Anonymous && state.NotFound)
            {
                found.Add($"{where}: shows not found");
            }

            if (!route.HasParameters && !state.CircuitError)
            {
                for (var i = 0; i < state.Rows.Length; i++)
                {
                    if (state.Rows[i] == 0)
                    {
                        found.Add($"{where}: list {(state.Rows.Length > 1 ? $"{i + 1} of {state.Rows.Length} " : string.Empty)}shows no rows on its first page");
                    }
                }
            }

            if (children.Count > 0 && !state.CircuitError)
            {
                await ResolveIdsAsync(lane, page, children, ids);
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            found.Add($"{where}: {ex.GetType().Name}: {string.Join(' ', ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(8))}");
            try
            {
                var shot = Path.Combine(Path.GetTempPath(), $"smoke-{lane.User}-{DateTime.Now:HHmmss}.png");
                await page.ScreenshotAsync(new() { Path = shot, FullPage = true, Timeout = 5_000 });
                found.Add($"{where}: screenshot {shot}");
            }
            catch (PlaywrightException)
            {
            }
        }
        finally
        {
            page.Console -= OnConsole;
            page.PageError -= OnPageError;
        }

        lane.Timings.Add((where.Contains("page load", StringComparison.Ordinal), visit.ElapsedMilliseconds));
        found.AddRange(lane.Logged().Select(e => $"{where}: server logged {e}"));
        found.AddRange(console.Distinct().Select(c => $"{where}: browser console error: {c.Split('\n')[0]}"));
    }

    /// <summary>A real id for the list's record pages: a link to one of them, or else the page the first row opens.</summary>
    private static async Task ResolveIdsAsync(Lane lane, IPage page, IReadOnlyList<PageRoute> children, Dictionary<string, int> ids)
    {
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.mud-main-content a[href]')].map(a => new URL(a.href).pathname)");
        foreach (var child in children)
        {
            foreach (var href in hrefs)
            {
                if (child.TryMatchId(href, out var id))
                {
                    ids[child.Template] = id;
                    break;
                }
            }
        }

        var missing = children.Where(c => !ids.ContainsKey(c.Template)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var row = page.Locator(".mud-table:not(.mud-simple-table) tbody tr:has(td)").First;
        var because = "its list has no record link and no rows";
        if (await row.CountAsync() > 0)
        {
            because = "a click on its list's first row opened no record page";
            for (var attempt = 0; attempt < 2 && !ids.ContainsKey(missing[0].Template); attempt++)
            {
                await row.ClickAsync();
                var path = await WaitForLocationAsync(page, p => missing.Any(c => c.TryMatchId(p.Split('?')[0], out _)), TimeSpan.FromSeconds(15));
                if (path is null)
                {
                    if (await row.CountAsync() == 0)
                    {
                        break;
                    }

                    continue;
                }

                path = path.Split('?')[0];
                foreach (var child in missing)
                {
                    if (child.TryMatchId(path, out var id))
                    {
                        ids[child.Template] = id;
                        lane.OnScreen = child.Component;
                        lane.LastPlace = path;
                    }
                }
            }
        }

        foreach (var child in missing.Where(c => !ids.ContainsKey(c.Template)))
        {
            lane.NoIdBecause[child.Template] = $"{because} ({await page.EvaluateAsync<string>("() => location.pathname + location.search")})";
        }
    }

    /// <summary>
    /// Polls the browser's location (path and query) until it satisfies the condition: a navigation inside the
    /// circuit is a history.pushState, which Playwright's own URL wait can miss. Null when it never does.
    /// </summary>
    private static async Task<string?> WaitForLocationAsync(IPage page, Func<string, bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var location = await page.EvaluateAsync<string>("() => location.pathname + location.search");
            if (condition(location))
            {
                return location;
            }

            if (waited.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    private async Task<Lane> DownloadLaneAsync(SmokeSiteMap map, IReadOnlyList<(string User, string Url)> links, string user)
    {
        var lane = new Lane(portal, user);
        var division = CivilAffairs.Core.Security.UserContext.FromPrincipal(map.Principals[user]).Scope.DivisionCode;
        foreach (var download in map.Downloads)
        {
            var offered = links.Where(l => download.Matches(PathOf(l.Url))).ToList();
            var mine = offered.Where(l => l.User == user).ToList() is { Count: > 0 } own ? own : offered;
            var why = string.Empty;
            var urls = mine.Count > 0
                ? mine.GroupBy(l => PathOf(l.Url)).Select(g => g.First().Url).ToList()
                : Synthesize(download, division, out why);
            if (urls.Count == 0)
            {
                lane.Problems.Add($"{download} × {user}: no page links to it and the smoke test cannot build its address ({why})");
                continue;
            }

            foreach (var url in urls)
            {
                lane.HttpChecks++;
                await CheckDownloadAsync(lane, download, url);
            }
        }

        lane.End();
        return lane;
    }

    /// <summary>
    /// The address of a download no page links to (the reports are linked only after a preview): route values
    /// and the query the handler needs, from the few names the portal uses; none when a name is unknown.
    /// </summary>
    private static List<string> Synthesize(DownloadRoute download, string division, out string why)
    {
        why = string.Empty;
        var known = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["kind"] = [.. Enum.GetNames<ReportKind>().Select(n => n.ToLowerInvariant())],
            ["extension"] = ["xlsx", "pdf"],
        };
        var addresses = new List<string> { download.Pattern };
        foreach (var parameter in download.Route.Parameters)
        {
            if (!known.TryGetValue(parameter.Name, out var values))
            {
                why = $"route value {{{parameter.Name}}} unknown";
                return [];
            }

            addresses = [.. addresses.SelectMany(a => values.Select(v => Regex.Replace(a, "\\{" + parameter.Name + "(:[^}]*)?\\}", v)))];
        }

        var query = new List<string>();
        foreach (var parameter in download.Handler?.GetParameters() ?? [])
        {
            if (download.Route.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            switch (parameter.Name)
            {
                case "period":
                    query.Add("period=" + (type == typeof(int) ? TestClock.LastClosedMonth.Key.ToString(CultureInfo.InvariantCulture) : TestClock.LastClosedMonth.ToString()));
                    break;
                case "division":
                    query.Add("division=" + division);
                    break;
                default:
                    if (parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null && !parameter.HasDefaultValue
                        && parameter.ParameterType != typeof(CancellationToken))
                    {
                        why = $"required query value {parameter.Name} unknown";
                        return [];
                    }

                    break;
            }
        }

        return [.. addresses.Select(a => query.Count == 0 ? a : a + "?" + string.Join("&", query))];
    }

    private static async Task CheckDownloadAsync(Lane lane, DownloadRoute download, string url)
    {
        var page = await lane.Portal.SignedInAsync(lane.User);
        var where = $"{url} × {lane.User}";
        lane.Begin(where);
        var found = lane.Problems;
        var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0, FailOnStatusCode = false, Timeout = 180_000 });
        var body = response.Status == 200 ? await response.BodyAsync() : [];
        found.AddRange(lane.Logged().Select(e => $"{where}: server logged {e}"));
        response.Headers.TryGetValue("location", out var location);
        if (!download.Access[lane.User])
        {
            if (!(response.Status == 403 || (response.Status == 302 && location?.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true)))
            {
                found.Add($"{where}: expected a refusal, got HTTP {response.Status}{(location is null ? string.Empty : " → " + location)}");
            }

            return;
        }

        if (response.Status != 200)
        {
            var text = response.Status >= 400 ? (await response.TextAsync()).Replace('\n', ' ') : string.Empty;
            found.Add($"{where}: expected a file, got HTTP {response.Status}{(location is null ? string.Empty : " → " + location)} {text[..Math.Min(200, text.Length)]}");
            return;
        }

        try
        {
            if (PathOf(url).EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(body);
                if (pdf.NumberOfPages == 0)
                {
                    found.Add($"{where}: the PDF has no pages");
                }
            }
            else
            {
                using var workbook = new XLWorkbook(new MemoryStream(body));
                if (workbook.Worksheets.Count == 0)
                {
                    found.Add($"{where}: the workbook has no sheets");
                }
            }
        }
        catch (Exception ex)
        {
            found.Add($"{where}: the file does not open ({body.Length} bytes): {ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Report(List<string> problems, string what)
    {
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            throw new XunitException($"{problems.Count} problem(s) over the {what}:\n" + string.Join("\n", problems));
        }
    }

    private static string Relative(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url.StartsWith('/') ? url : "/" + url;

    private static string PathOf(string url) => url.Split('?')[0];

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex("href=\"([^\"]*/(?:export|reports)/[^\"]+)\"")]
    private static partial Regex DownloadLinkRegex();
}
