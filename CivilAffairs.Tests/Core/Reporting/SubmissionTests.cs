using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Reporting;

/// <summary>Submit, lock, reopen and resubmit a monthly report on SQLite, through the real services.</summary>
public sealed class SubmissionTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private const string Jinghe = "652722";
    private static readonly Period October = new(2026, 10);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private SubmissionService Submissions(UserContext user) => new(_db.ActAs(user), _db, _db.Clock);

    private async Task<MonthlyReportData> ReportAsync(string division = Prefecture)
    {
        _db.ActAs(TestUsers.Statistician);
        return await new ReportDataService(new IndicatorEngine(_db, _db), _db.Clock).MonthlyAsync(October, division);
    }

    private async Task<int> AddTrainingAsync(UserContext user, DateOnly heldOn, string division = "652722100", int participants = 10)
    {
        await using var ctx = _db.CreateDbContext(user);
        var training = new CaregiverTraining { Title = "护理员培训", DivisionCode = division, HeldOn = heldOn, Participants = participants };
        ctx.Add(training);
        await ctx.SaveChangesAsync();
        return training.Id;
    }

    private async Task<int> CountAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.ReportSubmissions.CountAsync();
    }

    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 1, 2, 3];
    private static readonly byte[] Xlsx = [0x50, 0x4B, 3, 4, 9];

    [Fact]
    public async Task SubmittingLocksTheMonthForRecordsInTheDivisionAndKeepsTheExactFiles()
    {
        await AddTrainingAsync(UserContext.System, new DateOnly(2026, 10, 5));
        var report = await ReportAsync();

        var number = await Submissions(TestUsers.Statistician).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>());

        Assert.Equal(1, number);
        var active = await Submissions(TestUsers.Statistician).ActiveAsync(October, Prefecture);
        Assert.NotNull(active);
        var file = await Submissions(TestUsers.Statistician).FileAsync(active.Id, ReportFormat.Pdf);
        Assert.Equal(Pdf, file!.Content);
        Assert.Equal(SubmissionService.Sha256(Pdf), active.PdfSha256);
        Assert.Equal(64, active.ExcelSha256.Length);

        // A county clerk is bound by the prefecture's submission: October is closed, November is open.
        var locked = await Assert.ThrowsAsync<DomainException>(() => AddTrainingAsync(TestUsers.Jinghe, new DateOnly(2026, 10, 20)));
        Assert.Contains("已锁定", locked.Message, StringComparison.Ordinal);
        await AddTrainingAsync(TestUsers.Jinghe, new DateOnly(2026, 11, 2));
    }

    [Fact]
    public async Task MovingARecordIntoOrOutOfALockedMonthOrDeletingItIsRefused()
    {
        var september = await AddTrainingAsync(UserContext.System, new DateOnly(2026, 9, 10));
        var october = await AddTrainingAsync(UserContext.System, new DateOnly(2026, 10, 10));
        await Submissions(TestUsers.Statistician).SubmitAsync(await ReportAsync(), Pdf, Xlsx, new Dictionary<string, string>());

        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            var moved = await ctx.CaregiverTrainings.SingleAsync(t => t.Id == september);
            moved.HeldOn = new DateOnly(2026, 10, 1);
            await Assert.ThrowsAsync<DomainException>(() => ctx.SaveChangesAsync());
        }

        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            var inOctober = await ctx.CaregiverTrainings.SingleAsync(t => t.Id == october);
            inOctober.HeldOn = new DateOnly(2026, 11, 1);
            await Assert.ThrowsAsync<DomainException>(() => ctx.SaveChangesAsync());
        }

        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            ctx.Remove(await ctx.CaregiverTrainings.SingleAsync(t => t.Id == october));
            await Assert.ThrowsAsync<DomainException>(() => ctx.SaveChangesAsync());
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal([new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 10)], await check.CaregiverTrainings.OrderBy(t => t.HeldOn).Select(t => t.HeldOn).ToListAsync());
    }

    [Fact]
    public async Task ACountySubmissionDoesNotLockOtherCounties()
    {
        var countyStatistician = TestUsers.Statistician with { Scope = DivisionScope.For(Jinghe) };
        await Submissions(countyStatistician).SubmitAsync(await ReportAsync(Jinghe), Pdf, Xlsx, new Dictionary<string, string>());

        await AddTrainingAsync(TestUsers.Wenquan, new DateOnly(2026, 10, 3), "652723100");
        await Assert.ThrowsAsync<DomainException>(() => AddTrainingAsync(TestUsers.Jinghe, new DateOnly(2026, 10, 3)));
    }

    [Fact]
    public async Task OnlyStatisticiansSubmitOnlyAdministratorsReopenAndASecondSubmitIsRefused()
    {
        var report = await ReportAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions(TestUsers.Leader).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions(TestUsers.Elderly).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>()));
        Assert.Equal(0, await CountAsync());

        await Submissions(TestUsers.Statistician).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>());
        var again = await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>()));
        Assert.Contains("不能重复报送", again.Message, StringComparison.Ordinal);

        var active = (await Submissions(TestUsers.Statistician).ActiveAsync(October, Prefecture))!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions(TestUsers.Statistician).ReopenAsync(active.Id, active.Version, "数据有误需要更正"));
        await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Admin).ReopenAsync(active.Id, active.Version, "  "));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task AReopenedMonthCanBeEditedAndResubmittedAsTheNextVersionWithItsDifferences()
    {
        await Submissions(TestUsers.Statistician).SubmitAsync(await ReportAsync(), Pdf, Xlsx, new Dictionary<string, string>());
        var first = (await Submissions(TestUsers.Statistician).ActiveAsync(October, Prefecture))!;

        await Submissions(TestUsers.Admin).ReopenAsync(first.Id, first.Version, "精河县培训数据漏报，退回补录");
        Assert.Null(await Submissions(TestUsers.Statistician).ActiveAsync(October, Prefecture));
        await AddTrainingAsync(TestUsers.Jinghe, new DateOnly(2026, 10, 12), participants: 25);

        var second = await Submissions(TestUsers.Statistician).SubmitAsync(await ReportAsync(), [9, 9], [8, 8], new Dictionary<string, string>());

        Assert.Equal(2, second);
        var versions = await Submissions(TestUsers.Statistician).ListAsync(October, Prefecture);
        Assert.Equal([(2, SubmissionState.Submitted), (1, SubmissionState.Reopened)], versions.Select(v => (v.Number, v.State)));
        Assert.Equal("精河县培训数据漏报，退回补录", versions[1].ReopenReason);
        var differences = await Submissions(TestUsers.Statistician).CompareAsync(versions[1].Id, versions[0].Id);
        // No training had been recorded at all when version 1 was submitted: its figure was "no data", not 0.
        Assert.Contains(differences, d => d is { Code: "EC22", DivisionName: "博尔塔拉蒙古自治州", Before: null, After: 25 });
        Assert.Contains(differences, d => d is { Code: "EC22", DivisionName: "精河县", Before: null, After: 25 });
        Assert.DoesNotContain(differences, d => d.Code == "EC05");

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var audit = await ctx.AuditEntries.Where(a => a.EntityType == nameof(ReportSubmission)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Insert], audit);
    }

    [Fact]
    public async Task WarningsNeedAnExplanationAndErrorsBlockSubmission()
    {
        var warned = await ReportAsync() with { };
        var figures = warned.Figures.Select(f => f.Code == "EC03" ? f with { Current = 200, Previous = 100 } : f).ToList();
        var withWarning = warned with { Figures = figures };
        var warning = Assert.Single(ReportValidation.Validate(withWarning));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(withWarning, Pdf, Xlsx, new Dictionary<string, string> { [warning.Key] = "好" }));
        Assert.Contains("请说明预警原因", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());

        var withError = warned with { Figures = [.. warned.Figures.Select(f => f.Code == "EC06" ? f with { Current = 10 } : f.Code == "EC05" ? f with { Current = 5 } : f)] };
        await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(withError, Pdf, Xlsx, new Dictionary<string, string>()));
        Assert.Equal(0, await CountAsync());

        await Submissions(TestUsers.Statistician).SubmitAsync(withWarning, Pdf, Xlsx, new Dictionary<string, string> { [warning.Key] = "本月新建设施集中投入运营" });
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task TheCurrentMonthCannotBeSubmittedAndOutOfScopeDivisionsAreRefused()
    {
        _db.ActAs(TestUsers.Statistician);
        var november = await new ReportDataService(new IndicatorEngine(_db, _db), _db.Clock).MonthlyAsync(new Period(2026, 11), Prefecture);
        await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(november, Pdf, Xlsx, new Dictionary<string, string>()));

        var wenquanStatistician = TestUsers.Statistician with { Scope = DivisionScope.For("652723") };
        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions(wenquanStatistician).ListAsync(October, Jinghe));
        var report = await ReportAsync(Jinghe);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions(wenquanStatistician).SubmitAsync(report, Pdf, Xlsx, new Dictionary<string, string>()));
    }

    [Fact]
    public async Task EarlierMonthsAndFacilitiesOpenedInThemAreLockedTooBecauseTheReportCountsThem()
    {
        await Submissions(TestUsers.Statistician).SubmitAsync(await ReportAsync(), Pdf, Xlsx, new Dictionary<string, string>());

        // September feeds October's year-to-date and last-month columns.
        var september = await Assert.ThrowsAsync<DomainException>(() => AddTrainingAsync(TestUsers.Jinghe, new DateOnly(2026, 9, 15)));
        Assert.Contains("2026年9月的数据已锁定", september.Message, StringComparison.Ordinal);

        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            ctx.Add(new CareFacility { Name = "新开养老院", Kind = FacilityKind.PrivateCareHome, DivisionCode = "652722100", TotalBeds = 50, NursingBeds = 20, OpenedOn = new DateOnly(2026, 10, 8), Status = FacilityStatus.Operating });
            await Assert.ThrowsAsync<DomainException>(() => ctx.SaveChangesAsync());
        }

        await using (var ctx = _db.CreateDbContext(TestUsers.Jinghe))
        {
            ctx.Add(new CareFacility { Name = "十一月开业养老院", Kind = FacilityKind.PrivateCareHome, DivisionCode = "652722100", TotalBeds = 50, NursingBeds = 20, OpenedOn = new DateOnly(2026, 11, 8), Status = FacilityStatus.Operating });
            await ctx.SaveChangesAsync();
        }

        await using var check = _db.CreateDbContext(UserContext.System);
        Assert.Equal(["十一月开业养老院"], await check.CareFacilities.Select(f => f.Name).ToListAsync());
        Assert.Equal(0, await check.CaregiverTrainings.CountAsync());
    }

    [Fact]
    public async Task AMonthCannotBeReopenedWhileALaterMonthIsSubmitted()
    {
        _db.ActAs(TestUsers.Statistician);
        var september = await new ReportDataService(new IndicatorEngine(_db, _db), _db.Clock).MonthlyAsync(new Period(2026, 9), Prefecture);
        await Submissions(TestUsers.Statistician).SubmitAsync(september, Pdf, Xlsx, new Dictionary<string, string>());
        await Submissions(TestUsers.Statistician).SubmitAsync(await ReportAsync(Jinghe), Pdf, Xlsx, new Dictionary<string, string>());
        var first = (await Submissions(TestUsers.Statistician).ActiveAsync(new Period(2026, 9), Prefecture))!;

        var refused = await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Admin).ReopenAsync(first.Id, first.Version, "九月数据需要更正"));

        Assert.Contains("精河县2026年10月的报表仍为已报送状态", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await Submissions(TestUsers.Statistician).ActiveAsync(new Period(2026, 9), Prefecture));
    }

    [Fact]
    public async Task ProducingTheReportHappensAfterTheDoubleSubmitCheckAndItsErrorsLeaveNothing()
    {
        var report = await ReportAsync();
        var produced = 0;

        await Submissions(TestUsers.Statistician).SubmitAsync(October, Prefecture, _ => { produced++; return Task.FromResult(new ReportToSubmit(report, Pdf, Xlsx)); }, new Dictionary<string, string>());
        await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(
            October, Prefecture, _ => { produced++; return Task.FromResult(new ReportToSubmit(report, Pdf, Xlsx)); }, new Dictionary<string, string>()));
        Assert.Equal(1, produced); // the second submit is refused before anything is computed or rendered

        var failing = await Assert.ThrowsAsync<DomainException>(() => Submissions(TestUsers.Statistician).SubmitAsync(
            new Period(2026, 9), Prefecture, _ => throw new DomainException("预览之后数据已发生变化"), new Dictionary<string, string>()));
        Assert.Contains("已发生变化", failing.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());
    }
}
