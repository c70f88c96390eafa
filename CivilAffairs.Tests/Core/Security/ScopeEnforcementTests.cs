using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Security;

/// <summary>A 精河县 clerk can neither read nor change a 温泉县 record, whatever id is asked for.</summary>
public sealed class ScopeEnforcementTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _jingheId;
    private int _wenquanId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var jinghe = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 3, 1), 11), TestIds.Today), "精河甲", "652722100");
        var wenquan = new Person(ResidentId.Parse(TestIds.For("652723", new DateOnly(1941, 4, 2), 21), TestIds.Today), "温泉乙", "652723100");
        ctx.People.AddRange(jinghe, wenquan);
        await ctx.SaveChangesAsync();
        (_jingheId, _wenquanId) = (jinghe.Id, wenquan.Id);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private PersonService Service(UserContext user) => new(_db.ActAs(user), _db, _db.Clock);

    [Fact]
    public async Task ListsOnlyRecordsInsideTheScope()
    {
        var jinghe = await Service(TestUsers.Jinghe).ListAsync(new PersonFilter(), new PageRequest(0, 50));
        var prefecture = await Service(TestUsers.Leader).ListAsync(new PersonFilter(), new PageRequest(0, 50));

        Assert.Equal(["精河甲"], jinghe.Items.Select(p => p.Name));
        Assert.Equal(1, jinghe.Total);
        Assert.Equal(2, prefecture.Total);
    }

    [Fact]
    public async Task GuessingTheIdOfAnotherCountysRecordFindsNothing()
    {
        var service = Service(TestUsers.Jinghe);
        Assert.Null(await service.GetAsync(_wenquanId));
        Assert.NotNull(await service.GetAsync(_jingheId));
    }

    [Fact]
    public async Task CannotUpdateOrDeleteAnotherCountysRecordByItsId()
    {
        var admin = await Service(TestUsers.Admin).GetAsync(_wenquanId);
        var service = Service(TestUsers.Jinghe);
        admin!.Name = "改名";

        await Assert.ThrowsAsync<DomainException>(() => service.UpdateAsync(admin));
        await Assert.ThrowsAsync<DomainException>(() => service.DeleteAsync(_wenquanId, admin.Version));

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal("温泉乙", (await check.People.SingleAsync(p => p.Id == _wenquanId)).Name);
    }

    [Fact]
    public async Task CannotCreateARecordOutsideTheScope()
    {
        var form = new PersonForm { IdNumber = TestIds.For("652723", new DateOnly(1950, 1, 1), 31), Name = "越界", DivisionCode = "652723101" };

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.Jinghe).CreateAsync(form));
        Assert.Contains("管辖范围", ex.Message);
    }

    [Fact]
    public async Task TheDataLayerRefusesAnOutOfScopeWriteEvenWithoutTheService()
    {
        // A page that forgot every check and wrote through a context directly is still stopped.
        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        var stranger = await ctx.People.IgnoreQueryFilters().SingleAsync(p => p.Id == _wenquanId);
        stranger.Rename("偷改");

        await Assert.ThrowsAsync<AccessDeniedException>(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public async Task CannotMoveOwnRecordIntoAnotherCounty()
    {
        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        var own = await ctx.People.SingleAsync(p => p.Id == _jingheId);
        own.MoveTo("652723100");

        await Assert.ThrowsAsync<AccessDeniedException>(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public async Task ATownshipClerkSeesOnlyTheirTownship()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.People.Add(new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1939, 1, 1), 41), TestIds.Today), "大河沿子丙", "652722101"));
        await ctx.SaveChangesAsync();

        var town = await Service(TestUsers.JingheTown).ListAsync(new PersonFilter(), new PageRequest(0, 50));
        Assert.Equal(["精河甲"], town.Items.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(ReadOnlyUsers))]
    public async Task ReadOnlyRolesCannotWrite(string role)
    {
        var user = role == Roles.Leader ? TestUsers.Leader : TestUsers.Statistician;
        var form = await Service(user).GetAsync(_jingheId);
        form!.Name = "领导改";

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(user).UpdateAsync(form));
    }

    public static TheoryData<string> ReadOnlyUsers => [Roles.Leader, Roles.Statistician];

    [Fact]
    public async Task AnonymousUsersSeeNothing()
    {
        var result = await Service(UserContext.Anonymous).ListAsync(new PersonFilter(), new PageRequest(0, 50));
        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task RolesThatMayNotSeeIdNumbersGetThemMasked()
    {
        var leader = await Service(TestUsers.Leader).GetAsync(_jingheId);
        var clerk = await Service(TestUsers.Jinghe).GetAsync(_jingheId);

        Assert.Contains("***********", leader!.IdNumber);
        Assert.DoesNotContain("*", clerk!.IdNumber);
    }

    [Fact]
    public async Task MaskedRolesCannotProbeIdNumbersByPrefix()
    {
        var clerkView = (await Service(TestUsers.Jinghe).GetAsync(_jingheId))!.IdNumber;

        var byPrefix = await Service(TestUsers.Leader).ListAsync(new PersonFilter(Text: clerkView[..10]), new PageRequest(0, 50));
        var byWholeNumber = await Service(TestUsers.Leader).ListAsync(new PersonFilter(Text: clerkView), new PageRequest(0, 50));

        Assert.Equal(0, byPrefix.Total);
        Assert.Equal(1, byWholeNumber.Total);
    }
}
