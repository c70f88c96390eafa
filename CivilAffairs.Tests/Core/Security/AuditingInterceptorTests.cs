using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Security;

public sealed class AuditingInterceptorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 30, 0, TimeSpan.Zero);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(Now));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static Person NewPerson(string name = "张建国", string division = "652722100") =>
        new(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 3, 1), 11), TestIds.Today), name, division) { Phone = "13900000000" };

    [Fact]
    public async Task AnInsertIsAuditedWithItsGeneratedKeyUserTimeAndValues()
    {
        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            ctx.People.Add(NewPerson());
            await ctx.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        var person = await check.People.SingleAsync();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.Insert, "Person", person.Id.ToString(), "jinghe", Now), (entry.Action, entry.EntityType, entry.EntityKey, entry.UserName, entry.OccurredAt));
        Assert.Contains(entry.Changes, c => c is { Field: "Name", Old: null, New: "张建国" });
        Assert.Contains(entry.Changes, c => c is { Field: "DivisionCode", New: "652722100" });
        Assert.DoesNotContain(entry.Changes, c => c.Field == nameof(Entity.Version));
    }

    [Fact]
    public async Task AnUpdateRecordsOnlyTheChangedFieldsWithOldAndNewValues()
    {
        var id = await InsertAsync();
        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            var person = await ctx.People.SingleAsync(p => p.Id == id);
            person.Phone = "13911112222";
            await ctx.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        var update = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.Update);
        Assert.Equal([new AuditChange("Phone", "13900000000", "13911112222")], update.Changes);
    }

    [Fact]
    public async Task ADeleteKeepsTheOldValues()
    {
        var id = await InsertAsync();
        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            ctx.People.Remove(await ctx.People.SingleAsync(p => p.Id == id));
            await ctx.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        var delete = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.Delete);
        Assert.Equal(id.ToString(), delete.EntityKey);
        Assert.Contains(delete.Changes, c => c is { Field: "Name", Old: "张建国", New: null });
    }

    [Fact]
    public async Task AFailedSaveLeavesNeitherTheChangeNorAnAuditRow()
    {
        await InsertAsync();
        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            // Same ID number: the unique index fails the insert.
            ctx.People.Add(NewPerson("重复"));
            await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveChangesAsync());
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal(1, await check.People.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task TheChangeAndItsAuditRowCommitInOneTransaction()
    {
        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        await using (var tx = await ctx.Database.BeginTransactionAsync())
        {
            ctx.People.Add(NewPerson());
            await ctx.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await check.People.CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task AuditRowsCannotBeChangedOrDeleted()
    {
        await InsertAsync();
        await using var ctx = _db.CreateDbContext(TestUsers.Admin);
        var entry = await ctx.AuditEntries.SingleAsync();
        ctx.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public async Task ARefusedWriteIsNotAudited()
    {
        await using (var ctx = _db.CreateDbContext(TestUsers.Leader))
        {
            ctx.People.Add(NewPerson());
            await Assert.ThrowsAsync<AccessDeniedException>(() => ctx.SaveChangesAsync());
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task AfterAConflictTheSameContextAuditsItsNextSaveCorrectly()
    {
        var id = await InsertAsync();
        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        var person = await ctx.People.SingleAsync(p => p.Id == id);
        ctx.Entry(person).Property(p => p.Version).OriginalValue = Guid.NewGuid(); // as if someone saved first
        person.Phone = "13922223333";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ctx.SaveChangesAsync());

        ctx.ChangeTracker.Clear();
        ctx.People.Add(new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1950, 1, 1), 31), TestIds.Today), "王五", "652722100"));
        await ctx.SaveChangesAsync();

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal([AuditAction.Insert, AuditAction.Insert], await check.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal("13900000000", (await check.People.SingleAsync(p => p.Id == id)).Phone);
    }

    [Fact]
    public async Task ChangeHistoryMasksIdNumbersForRolesThatMayNotSeeThem()
    {
        var id = await InsertAsync();

        var leader = await new AuditQueries(_db.ActAs(TestUsers.Leader), _db).HistoryAsync<Person>(id);
        var clerk = await new AuditQueries(_db.ActAs(TestUsers.Jinghe), _db).HistoryAsync<Person>(id);

        Assert.Contains("***********", leader.Single().Changes.Single(c => c.Field == "IdNumber").New);
        Assert.DoesNotContain("*", clerk.Single().Changes.Single(c => c.Field == "IdNumber").New);
        Assert.Empty(await new AuditQueries(_db.ActAs(TestUsers.Wenquan), _db).HistoryAsync<Person>(id));
    }

    private async Task<int> InsertAsync()
    {
        await using var ctx = _db.CreateDbContext(TestUsers.Jinghe);
        var person = NewPerson();
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }
}
