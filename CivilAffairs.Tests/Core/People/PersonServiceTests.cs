using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.People;

public sealed class PersonServiceTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private PersonService Service(UserContext user) => new(_db.ActAs(user), _db, _db.Clock);

    private static PersonForm Form(string name = "李秀英", int seq = 22) =>
        new() { IdNumber = TestIds.For("652722", new DateOnly(1936, 8, 15), seq), Name = name, DivisionCode = "652722100", Ethnicity = "蒙古族" };

    [Fact]
    public async Task CreatesAPersonWithGenderAndBirthDateFromTheIdNumber()
    {
        var id = await Service(TestUsers.Jinghe).CreateAsync(Form());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = await ctx.People.SingleAsync(p => p.Id == id);
        Assert.Equal((Gender.Female, new DateOnly(1936, 8, 15)), (person.Gender, person.BirthDate));
    }

    [Fact]
    public async Task RejectsAnInvalidIdNumberAndWritesNothing()
    {
        var form = Form();
        form.IdNumber = form.IdNumber[..17] + (form.IdNumber[17] == '0' ? '1' : '0');

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).CreateAsync(form));
        Assert.Contains("校验码", ex.Message);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.People.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task RejectsTheSameIdNumberTwiceEvenFromAnotherScope()
    {
        await Service(TestUsers.Wenquan).CreateAsync(new PersonForm { IdNumber = Form().IdNumber, Name = "先登记", DivisionCode = "652723100" });

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).CreateAsync(Form()));
        Assert.Contains("已在人员库中登记", ex.Message);
    }

    [Fact]
    public async Task ASecondSaveOfAStaleFormFailsInsteadOfOverwriting()
    {
        var service = Service(TestUsers.Jinghe);
        var id = await service.CreateAsync(Form());
        var first = (await service.GetAsync(id))!;
        var second = (await service.GetAsync(id))!;

        first.Phone = "13900000001";
        await service.UpdateAsync(first);
        second.Phone = "13900000002";

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.UpdateAsync(second));
        Assert.Contains("已被其他人修改", ex.Message);
        Assert.Equal("13900000001", (await service.GetAsync(id))!.Phone);
    }

    [Fact]
    public async Task DeletingAStaleRecordFails()
    {
        var service = Service(TestUsers.Jinghe);
        var id = await service.CreateAsync(Form());
        var stale = (await service.GetAsync(id))!;
        var fresh = (await service.GetAsync(id))!;
        fresh.Phone = "13900000009";
        await service.UpdateAsync(fresh);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DeleteAsync(id, stale.Version));
        Assert.NotNull(await service.GetAsync(id));
    }

    [Fact]
    public async Task RejectsADateOfDeathInTheFutureOrBeforeBirth()
    {
        var future = Form();
        future.DateOfDeath = new DateOnly(2026, 12, 1);
        var beforeBirth = Form(seq: 24);
        beforeBirth.DateOfDeath = new DateOnly(1930, 1, 1);

        Assert.Contains("晚于今天", (await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).CreateAsync(future))).Message);
        Assert.Contains("早于出生日期", (await Assert.ThrowsAsync<DomainException>(() => Service(TestUsers.Jinghe).CreateAsync(beforeBirth))).Message);
    }

    [Fact]
    public async Task FiltersByTextDivisionAndStatusAndSortsOnTheServer()
    {
        var service = Service(TestUsers.Admin);
        await service.CreateAsync(Form("阿依古丽", 22));
        await service.CreateAsync(Form("巴特尔", 24));
        var deceased = Form("王桂兰", 26);
        deceased.DivisionCode = "652722101";
        deceased.DateOfDeath = new DateOnly(2025, 1, 1);
        await service.CreateAsync(deceased);

        var byText = await service.ListAsync(new PersonFilter(Text: "巴特"), new PageRequest(0, 10));
        var byTown = await service.ListAsync(new PersonFilter(DivisionCode: "652722101"), new PageRequest(0, 10));
        var alive = await service.ListAsync(new PersonFilter(Deceased: false), new PageRequest(0, 10, nameof(PersonRow.Name), Descending: true));
        var page2 = await service.ListAsync(new PersonFilter(), new PageRequest(1, 2, nameof(PersonRow.Name)));

        Assert.Equal(["巴特尔"], byText.Items.Select(p => p.Name));
        Assert.Equal(["王桂兰"], byTown.Items.Select(p => p.Name));
        Assert.Equal(alive.Items.Select(p => p.Name).OrderDescending(StringComparer.Ordinal), alive.Items.Select(p => p.Name));
        Assert.Equal(2, alive.Total);
        Assert.Equal((3, 1), (page2.Total, page2.Items.Count));
    }
}
