using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.ElderlyCare;

/// <summary>A facility's status change is recorded with its date, and months before it keep the old status.</summary>
public sealed class FacilityStatusHistoryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CareFacilityService Service() => new(_db.ActAs(TestUsers.Elderly), _db.Clock);

    private async Task<int> NewMealPointAsync() => await Service().SaveAsync(new FacilityForm
    {
        Name = "精河镇老年助餐点01", Kind = FacilityKind.MealServicePoint, DivisionCode = "652722100", OpenedOn = new DateOnly(2024, 3, 1), Status = FacilityStatus.Operating,
    });

    private async Task<int> OperatingOnAsync(DateOnly day)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.CareFacilities.OperatingOn(ctx, day).CountAsync();
    }

    [Fact]
    public async Task ClosingAFacilityTodayLeavesEarlierMonthsCountingIt()
    {
        var id = await NewMealPointAsync();
        var form = (await Service().GetAsync(id))!;
        form.Status = FacilityStatus.Suspended;
        form.StatusChangedOn = new DateOnly(2026, 11, 10);
        form.StatusNote = "场地到期";

        await Service().SaveAsync(form);

        var history = await Service().StatusHistoryAsync(id);
        var change = Assert.Single(history);
        Assert.Equal((FacilityStatus.Operating, FacilityStatus.Suspended, new DateOnly(2026, 11, 10)), (change.From, change.To, change.EffectiveOn));
        Assert.Equal(1, await OperatingOnAsync(new DateOnly(2026, 10, 31)));   // October: still operating
        Assert.Equal(1, await OperatingOnAsync(new DateOnly(2026, 11, 9)));
        Assert.Equal(0, await OperatingOnAsync(Today));                        // closed since the 10th
        Assert.Equal(0, await OperatingOnAsync(new DateOnly(2024, 2, 29)));    // not open yet
    }

    [Fact]
    public async Task AFacilityThatOpenedAfterConstructionCountsOnlyFromTheDayItOpened()
    {
        var id = await Service().SaveAsync(new FacilityForm
        {
            Name = "托里镇区域养老服务中心", Kind = FacilityKind.TownshipCareCenter, DivisionCode = "652722100", Status = FacilityStatus.UnderConstruction, TotalBeds = 40,
        });
        var form = (await Service().GetAsync(id))!;
        form.Status = FacilityStatus.Operating;
        form.OpenedOn = new DateOnly(2026, 9, 15);
        form.StatusChangedOn = new DateOnly(2026, 9, 15);
        await Service().SaveAsync(form);

        Assert.Equal(0, await OperatingOnAsync(new DateOnly(2026, 8, 31)));
        Assert.Equal(1, await OperatingOnAsync(new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public async Task AChangeDatedInTheFutureOrBeforeTheLastChangeIsRefusedAndNothingIsWritten()
    {
        var id = await NewMealPointAsync();
        var form = (await Service().GetAsync(id))!;
        form.Status = FacilityStatus.Suspended;
        form.StatusChangedOn = Today.AddDays(3);

        var error = await Assert.ThrowsAsync<DomainException>(() => Service().SaveAsync(form));

        Assert.Contains("不能晚于今天", error.Message);
        Assert.Equal(FacilityStatus.Operating, (await Service().GetAsync(id))!.Status);
        Assert.Empty(await Service().StatusHistoryAsync(id));

        form.StatusChangedOn = new DateOnly(2026, 11, 1);
        await Service().SaveAsync(form);
        var reopened = (await Service().GetAsync(id))!;
        reopened.Status = FacilityStatus.Operating;
        reopened.StatusChangedOn = new DateOnly(2026, 10, 1);
        await Assert.ThrowsAsync<DomainException>(() => Service().SaveAsync(reopened));
    }
}
