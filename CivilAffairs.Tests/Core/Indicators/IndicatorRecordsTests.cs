using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Core.Data;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Tests.Core.Indicators;

/// <summary>
/// The list behind a figure holds exactly what the figure counts: for every indicator, on the demo
/// data, at the prefecture and in every county, the records the list service returns add up to the
/// engine's numerator (and denominator), opening balances included; distinct counts count distinct keys.
/// </summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class IndicatorRecordsTests(SeededDemoDatabase demo) : IClassFixture<SeededDemoDatabase>
{
    public static TheoryData<string> Divisions() => [DivisionScope.Prefecture.DivisionCode, .. DivisionCatalog.All.Where(d => d.Level == DivisionLevel.County).Select(d => d.Code)];

    [Theory]
    [MemberData(nameof(Divisions))]
    public async Task EveryFiguresRecordsAddUpToTheFigure(string division)
    {
        var period = TestClock.LastClosedMonth;
        var results = await demo.RunAsAsync(TestUsers.Leader, s => s.GetRequiredService<IndicatorEngine>().ComputeAsync(IndicatorCatalog.All, period, division));
        var mismatches = new List<string>();
        foreach (var result in results)
        {
            var definition = result.Definition;
            foreach (var denominator in definition.IsRatio ? new[] { false, true } : [false])
            {
                var (records, page) = await demo.RunAsAsync(TestUsers.Leader, async s =>
                {
                    var service = s.GetRequiredService<IndicatorRecordService>();
                    return (await service.AllAsync(definition, period, division, denominator), await service.PageAsync(definition, period, division, denominator, new(0, 1)));
                });
                var listed = page.Distinct
                    ? records.Select(r => r.Title).Distinct(StringComparer.Ordinal).Count()
                    : records.Sum(r => r.Value) + page.OpeningBalance;
                var expected = definition.IsRatio
                    ? (denominator ? result.Current.Denominator : result.Current.Numerator)
                    : result.Current.Value;
                var shown = definition.IsRatio ? listed : Math.Round(listed * definition.Scale, definition.Decimals, MidpointRounding.AwayFromZero);
                Assert.Equal(page.Total, records.Count);
                if (shown != expected)
                {
                    mismatches.Add($"{definition.Code}{(denominator ? " (denominator)" : string.Empty)}: figure {expected}, records {shown}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task ACountysListHoldsOnlyItsOwnRecords()
    {
        var definition = IndicatorCatalog.Find("SA03")!;
        var records = await demo.RunAsAsync(TestUsers.Leader, s => s.GetRequiredService<IndicatorRecordService>().AllAsync(definition, TestClock.LastClosedMonth, "652722", denominator: false));

        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.StartsWith("652722", r.DivisionCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUserCannotListAnotherCountysRecords()
    {
        var definition = IndicatorCatalog.Find("SA03")!;

        await Assert.ThrowsAsync<CivilAffairs.Core.Common.AccessDeniedException>(() =>
            demo.RunAsAsync(TestUsers.Jinghe, s => s.GetRequiredService<IndicatorRecordService>().AllAsync(definition, TestClock.LastClosedMonth, "652723", denominator: false)));
    }

    /// <summary>Every 低保 payment of the demo data's history went to a case in payment on that month's cut-off day.</summary>
    [Fact]
    public async Task NoDemoDibaoPaymentWentToACaseNotInPayment()
    {
        var wrong = await demo.RunAsAsync(TestUsers.Leader, async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CivilAffairsDbContext>>().CreateDbContextAsync();
            var today = CivilAffairs.Core.Common.ChinaTime.Today(s.GetRequiredService<TimeProvider>());
            var periods = await db.AssistancePayments.Where(p => p.Program == AssistanceProgram.Dibao).Select(p => p.Period).Distinct().ToListAsync();
            var bad = new List<string>();
            foreach (var key in periods)
            {
                var period = CivilAffairs.Core.Common.Period.FromKey(key);
                var inPayment = DibaoInPayment.On(db, DibaoInPayment.CutOff(period, today)).Select(c => c.Id);
                var count = await db.AssistancePayments.CountAsync(p => p.Program == AssistanceProgram.Dibao && p.Period == key && !inPayment.Contains(p.CaseId));
                if (count > 0)
                {
                    bad.Add($"{key}: {count}");
                }
            }

            return bad;
        });

        Assert.Empty(wrong);
    }
}
