using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>The support programmes' rules: tiers, passing-through recipients, the 安心助养 batch, leads, zero reports, scope.</summary>
public sealed class SupportProgrammeTests : IAsyncLifetime
{
    private const string JingheTown = "652722100";
    private const string WenquanTown = "652723100";
    private static readonly Period November = new(2026, 11);
    private TestDatabase _db = default!;
    private int _tierId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var tier = new AssistanceTier { Name = "一档", MinAmount = 500, MaxAmount = 2000 };
        ctx.AssistanceTiers.Add(tier);
        ctx.CareSubsidyStandards.AddRange(new CareSubsidyStandard { EffectiveYear = 2017, YearlyAmount = 3600 }, new CareSubsidyStandard { EffectiveYear = 2024, YearlyAmount = 5280 });
        await ctx.SaveChangesAsync();
        _tierId = tier.Id;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<int> PersonAsync(string division, int seq)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For(division[..6], new DateOnly(1970, 1, 1), seq), TestIds.Today), $"居民{seq}", division);
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }

    private TemporaryAssistanceService Temporary(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db, _db.Clock);

    private TemporaryForm Traveller(decimal amount = 800, string? idNumber = null) => new()
    {
        RecipientName = "过往人员甲", IdNumber = idNumber, Origin = "甘肃省天水市", Difficulty = DifficultyType.Emergency, TierId = _tierId,
        Amount = amount, Form = AssistanceForm.Cash, GivenOn = new DateOnly(2026, 11, 20), DivisionCode = JingheTown,
    };

    [Theory]
    [InlineData(499.99)]
    [InlineData(2000.01)]
    public async Task AnAmountOutsideTheTiersRangeIsRefused(decimal amount)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Temporary().SaveAsync(Traveller(amount)));

        Assert.Contains("不在“一档”的金额范围（500–2000 元）内", ex.Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(2000)]
    public async Task TheTiersBoundsAreAllowed(decimal amount)
    {
        var id = await Temporary().SaveAsync(Traveller(amount));

        Assert.Equal(amount, (await Temporary().GetAsync(id))!.Amount);
    }

    [Fact]
    public async Task APersonPassingThroughNeedsNoHouseholdAndNoIdNumber()
    {
        var id = await Temporary().SaveAsync(Traveller());

        var row = (await Temporary().ListAsync(new SupportFilter(Kind: TemporaryAssistanceService.PassingThroughKind), new PageRequest(0, 10))).Items.Single();
        Assert.Equal((id, true, "甘肃省天水市", (string?)null), (row.Id, row.PassingThrough, row.Origin, row.IdNumber));
    }

    [Fact]
    public async Task AWrongIdNumberOfAPersonPassingThroughIsRefused()
    {
        var valid = TestIds.For("620502", new DateOnly(1985, 3, 4), 13);
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');

        await Assert.ThrowsAsync<DomainException>(() => Temporary().SaveAsync(Traveller(idNumber: wrong)));
        var id = await Temporary().SaveAsync(Traveller(idNumber: valid));
        Assert.Equal(valid, (await Temporary().GetAsync(id))!.IdNumber);
    }

    [Fact]
    public async Task AssistanceInKindNeedsADescription()
    {
        var form = Traveller();
        form.Form = AssistanceForm.InKind;

        var ex = await Assert.ThrowsAsync<DomainException>(() => Temporary().SaveAsync(form));
        Assert.Contains("实物内容", ex.Message);
    }

    [Fact]
    public async Task AJingheClerkCannotSeeOrChangeWenquanRecords()
    {
        var form = Traveller();
        form.DivisionCode = WenquanTown;
        var wenquanId = await Temporary(TestUsers.Wenquan).SaveAsync(form);

        Assert.Null(await Temporary(TestUsers.Jinghe).GetAsync(wenquanId));
        Assert.Empty((await Temporary(TestUsers.Jinghe).ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Temporary(TestUsers.Jinghe).SaveAsync(form));
        var stolen = (await Temporary(TestUsers.Wenquan).GetAsync(wenquanId))!;
        await Assert.ThrowsAsync<DomainException>(() => Temporary(TestUsers.Jinghe).SaveAsync(stolen));
        await Assert.ThrowsAsync<DomainException>(() => Temporary(TestUsers.Jinghe).DeleteAsync(wenquanId, stolen.Version));
        Assert.NotNull(await Temporary(TestUsers.Wenquan).GetAsync(wenquanId));
    }

    [Fact]
    public async Task TiersAndPointsAreChangedByAdministratorsOnly()
    {
        var reference = new SupportReferenceService(_db.ActAs(TestUsers.Jinghe), _db.Clock);
        await Assert.ThrowsAsync<AccessDeniedException>(() => reference.SaveTierAsync(new TierRow(0, Guid.Empty, "二档", 2000, 5000, true)));

        var admin = new SupportReferenceService(_db.ActAs(TestUsers.Admin), _db.Clock);
        await admin.SavePointAsync(new PointRow(0, Guid.Empty, "赛里木湖救助点", "652701", true));
        await Assert.ThrowsAsync<DomainException>(() => admin.SaveTierAsync(new TierRow(0, Guid.Empty, "二档", 5000, 2000, true)));
        Assert.Single(await admin.PointsAsync());
    }

    private async Task<int> FamilyAsync(string division, int seq, DateOnly start, DateOnly? end = null)
    {
        var head = await PersonAsync(division, seq);
        var dependant = await PersonAsync(division, seq + 2);
        return await new CareSubsidyFamilyService(_db.ActAs(TestUsers.Admin), _db.Clock).SaveAsync(new FamilyForm
        {
            HeadPersonId = head, DependantPersonId = dependant, StartOn = start, EndOn = end,
        });
    }

    private CareSubsidyBatchService Batch(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db, _db.Clock);

    [Fact]
    public async Task TheSubsidyBatchPaysATwelfthOfTheYearsStandardOncePerFamily()
    {
        await FamilyAsync(JingheTown, 11, new DateOnly(2023, 1, 1));
        await FamilyAsync(JingheTown, 21, new DateOnly(2026, 12, 1));                           // starts after November
        await FamilyAsync(JingheTown, 31, new DateOnly(2020, 1, 1), new DateOnly(2026, 10, 31)); // ended before November

        var first = await Batch().CommitAsync(November);
        var repeat = await Assert.ThrowsAsync<DomainException>(() => Batch().CommitAsync(November));
        var preview = await Batch().PreviewAsync(November);
        var payments = await Batch().PaymentsAsync(November, null, null, null, new PageRequest(0, 10));

        Assert.Equal(1, first);
        Assert.Contains("生成（1 笔），没有新的发放对象，无需重复生成", repeat.Message, StringComparison.Ordinal);
        Assert.Matches(@"已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 \S+ 生成", repeat.Message);
        Assert.Equal((0, 1), (preview.Lines.Count, preview.AlreadyPaid));
        Assert.Equal(440m, payments.Items.Single().Amount);   // 5,280 ÷ 12
    }

    [Fact]
    public async Task TheStandardOfAnEarlierYearIsTheOneBeforeTheRaise()
    {
        await FamilyAsync(JingheTown, 11, new DateOnly(2020, 1, 1));

        var before = await Batch().PreviewAsync(new Period(2023, 6));
        var after = await Batch().PreviewAsync(new Period(2024, 1));

        Assert.Equal((3600m, 300m), (before.Standard!.Value, before.Lines.Single().Amount));
        Assert.Equal((5280m, 440m), (after.Standard!.Value, after.Lines.Single().Amount));
    }

    [Fact]
    public async Task ReturningAPaidSubsidyNeedsAReason()
    {
        await FamilyAsync(JingheTown, 11, new DateOnly(2023, 1, 1));
        await Batch().CommitAsync(November);
        var id = (await Batch().PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items.Single().Id;

        await Batch().SettleAsync([id], SubsidyPaymentStatus.Paid);
        await Assert.ThrowsAsync<DomainException>(() => Batch().SettleAsync([id], SubsidyPaymentStatus.Returned));
        await Batch().SettleAsync([id], SubsidyPaymentStatus.Returned, "账户冻结");

        Assert.Equal(SubsidyPaymentStatus.Returned, (await Batch().PaymentsAsync(November, null, null, null, new PageRequest(0, 10))).Items.Single().Status);
    }

    private DiscoveryLeadService Leads() => new(_db.ActAs(TestUsers.Jinghe), _db.Clock);

    private static LeadForm Lead(LeadOutcome outcome, string? caseReference = null, string? reason = null, DateOnly? convertedOn = null) => new()
    {
        Source = LeadSource.DataComparison, Subject = "托里镇某户，户主失业，子女就学", DivisionCode = "652722102", FoundOn = new DateOnly(2026, 11, 2),
        Assignee = "民政助理员王某", Outcome = outcome, CaseReference = caseReference, OutcomeReason = reason, ConvertedOn = convertedOn,
    };

    [Fact]
    public async Task AConvertedLeadNeedsACaseReference()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Leads().SaveAsync(Lead(LeadOutcome.Converted, convertedOn: new DateOnly(2026, 11, 10))));
        Assert.Contains("救助案件编号", ex.Message);

        var id = await Leads().SaveAsync(Lead(LeadOutcome.Converted, caseReference: "DB-652722-2026-0031", convertedOn: new DateOnly(2026, 11, 10)));
        Assert.Equal("DB-652722-2026-0031", (await Leads().GetAsync(id))!.CaseReference);
    }

    [Fact]
    public async Task AClosedLeadNeedsAReasonAndKeepsNoCaseReference()
    {
        await Assert.ThrowsAsync<DomainException>(() => Leads().SaveAsync(Lead(LeadOutcome.NotEligible)));

        var id = await Leads().SaveAsync(Lead(LeadOutcome.NotEligible, caseReference: "X", reason: "家庭收入高于当地低保标准"));
        var saved = (await Leads().GetAsync(id))!;
        Assert.Equal(("家庭收入高于当地低保标准", (string?)null), (saved.OutcomeReason, saved.CaseReference));
    }

    private async Task<(int A, int B, int C)> WorkersAsync()
    {
        var service = new AssistanceWorkerService(_db.ActAs(TestUsers.Jinghe));
        var a = await service.SaveAsync(new WorkerForm { Name = "张三", Level = WorkerLevel.Village, DivisionCode = JingheTown, Post = "村委会主任" });
        var b = await service.SaveAsync(new WorkerForm { Name = "李四", Level = WorkerLevel.Township, DivisionCode = JingheTown, Post = "民政助理员" });
        var c = await service.SaveAsync(new WorkerForm { Name = "王五", Level = WorkerLevel.County, DivisionCode = "652722", Post = "社会救助股" });
        await service.SaveAsync(new WorkerForm { Name = "赵六", Level = WorkerLevel.Village, DivisionCode = JingheTown, Active = false });
        return (a, b, c);
    }

    private ZeroReportService ZeroReports(UserContext? user = null) => new(_db.ActAs(user ?? TestUsers.Jinghe), _db, _db.Clock);

    [Fact]
    public async Task AWorkerFilesOneZeroReportPerMonth()
    {
        var (a, _, _) = await WorkersAsync();
        await ZeroReports().FileAsync([a], November);

        var ex = await Assert.ThrowsAsync<DomainException>(() => ZeroReports().FileAsync([a], November));
        Assert.Contains("张三已填报2026年11月的零报告", ex.Message);
        Assert.Equal(1, await ZeroReports().FileAsync([a], new Period(2026, 10)));
        await Assert.ThrowsAsync<DomainException>(() => ZeroReports().FileAsync([a], new Period(2026, 12)));
    }

    [Fact]
    public async Task ZeroReportsAreUniqueInTheDatabaseToo()
    {
        var (a, _, _) = await WorkersAsync();
        await ZeroReports().FileAsync([a], November);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.ZeroReports.Add(new ZeroReport { WorkerId = a, Period = November.Key, FiledOn = TestIds.Today, DivisionCode = JingheTown });

        await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public async Task TheNotReportedListHasActiveWorkersWithNeitherAZeroReportNorARelativeFiling()
    {
        var (a, b, c) = await WorkersAsync();
        await ZeroReports().FileAsync([a], November);
        var relative = await PersonAsync(JingheTown, 41);
        await new RelativeFilingService(_db.ActAs(TestUsers.Jinghe), _db.Clock).SaveAsync(new FilingForm
        {
            WorkerId = b, RelativePersonId = relative, Relation = "配偶", Program = FilingProgram.LowIncome, FiledOn = new DateOnly(2026, 11, 5),
        });

        var november = await ZeroReports().NotReportedAsync(November, new SupportFilter(), new PageRequest(0, 10));
        var october = await ZeroReports().NotReportedAsync(new Period(2026, 10), new SupportFilter(), new PageRequest(0, 10));
        var town = await ZeroReports().NotReportedAsync(new Period(2026, 10), new SupportFilter(DivisionCode: JingheTown), new PageRequest(0, 10));

        Assert.Equal([c], november.Items.Select(w => w.Id));
        Assert.Equal(3, october.Total);
        Assert.Equal(2, town.Total);
        Assert.Equal(0, (await ZeroReports(TestUsers.Wenquan).NotReportedAsync(November, new SupportFilter(), new PageRequest(0, 10))).Total);
    }

    [Fact]
    public async Task AWenquanClerkCannotFileForJingheWorkers()
    {
        var (a, _, _) = await WorkersAsync();

        await Assert.ThrowsAsync<DomainException>(() => ZeroReports(TestUsers.Wenquan).FileAsync([a], November));
    }

    [Fact]
    public async Task ALeaderReadsButCannotFileOrPayAndSeesIdNumbersMasked()
    {
        var (a, _, _) = await WorkersAsync();
        var id = TestIds.For("620502", new DateOnly(1985, 3, 4), 13);
        await Temporary().SaveAsync(Traveller(idNumber: id));

        await Assert.ThrowsAsync<AccessDeniedException>(() => ZeroReports(TestUsers.Leader).FileAsync([a], November));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Batch(TestUsers.Leader).CommitAsync(November));
        var row = (await Temporary(TestUsers.Leader).ListAsync(new SupportFilter(), new PageRequest(0, 10))).Items.Single();
        Assert.Equal(ResidentId.Mask(id), row.IdNumber);
        Assert.DoesNotContain("19850304", row.IdNumber);
    }
}
