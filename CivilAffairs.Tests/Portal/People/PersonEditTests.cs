using Bunit;
using Bunit.TestDoubles;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.People;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.People;

public sealed class PersonEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new PersonService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    private IRenderedComponent<PersonEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<PersonEdit>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AWrongCheckCharacterIsExplainedInChineseAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);
        var valid = TestIds.For("652722", new DateOnly(1940, 1, 2), 11);

        page.Find("input[data-testid=id-number], [data-testid=id-number] input").Input(valid[..17] + (valid[17] == '0' ? '1' : '0'));
        page.Find("input[data-testid=name], [data-testid=name] input").Change("张三");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("校验码错误", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.People.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task AValidNumberShowsTheDerivedGenderAndBirthDateAndSaves()
    {
        var page = RenderAs(TestUsers.Jinghe);

        page.Find("input[data-testid=id-number], [data-testid=id-number] input").Input(TestIds.For("652722", new DateOnly(1940, 1, 2), 12));
        page.Find("input[data-testid=name], [data-testid=name] input").Change("李四");
        Assert.Contains("性别：女", page.Find("[data-testid=derived]").TextContent);
        Assert.Contains("1940-01-02", page.Find("[data-testid=derived]").TextContent);
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.People.Count()));
        Assert.Equal("652722", (await ctx.People.SingleAsync()).DivisionCode);
    }

    [Fact]
    public void ALeaderSeesNoSaveOrDeleteButtons()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Empty(page.FindAll("[data-testid=delete]"));
    }

    [Fact]
    public async Task ANumberPastedWithTooManyCharactersIsNamedAsSuchNotCutAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);
        var nineteen = TestIds.For("652722", new DateOnly(1940, 1, 2), 11) + "7";

        page.Find("[data-testid=id-number] input, input[data-testid=id-number]").Input(nineteen);
        page.Find("[data-testid=name] input, input[data-testid=name]").Change("张三");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("身份证号码应为 18 位，当前为 19 位", page.Markup));
        // A browser cuts at maxlength before the server sees anything: the field must leave room for what is pasted.
        var maxLength = page.Find("[data-testid=id-number] input, input[data-testid=id-number]").GetAttribute("maxlength");
        Assert.True(maxLength is null || int.Parse(maxLength, System.Globalization.CultureInfo.InvariantCulture) > 40, $"maxlength {maxLength} would cut a pasted number");
        Assert.Equal(nineteen, page.Find("[data-testid=id-number] input, input[data-testid=id-number]").GetAttribute("value"));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.People.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task ANumberPastedWithSpacesAndALowerCaseXIsSavedAsTheNumberAndHistoryLeadsPastTheNewForm()
    {
        var page = RenderAs(TestUsers.Jinghe);
        var number = Enumerable.Range(1, 999).Select(n => TestIds.For("652722", new DateOnly(1950, 3, 4), n)).First(n => n.EndsWith('X'));

        page.Find("[data-testid=id-number] input, input[data-testid=id-number]").Input($"  {number[..6]} {number[6..17]}x ");
        page.Find("[data-testid=name] input, input[data-testid=name]").Change("王五");
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(number, ctx.People.Select(p => p.IdNumber).Single()));
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var id = await ctx.People.Select(p => p.Id).SingleAsync();
        Assert.EndsWith($"/people/{id}", navigation.Uri);
        Assert.True(navigation.History.First().Options.ReplaceHistoryEntry, "the /new entry must be replaced, so Back does not reopen an empty form");
    }
}
