using System.Data.Common;
using System.Globalization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// The social-assistance support programmes as the bureau publishes them (SERVICE-LINES.md §2): 13,497
/// workers filing zero reports at the report month, 250 relatives filed by its end, 3,186 temporary-assistance
/// person-times at the "1+N" points since two years before this year, and 1,608万元 of 安心助养 since 2017. Zero
/// reports cover twenty-four months up to the report month and the current month: every active worker reports
/// each month except in a month he or she filed a relative (the filing replaces the report) and, in the current
/// month, the 23 who have not reported yet. Every 低保 case flagged as a close relative of a worker has its
/// filing (the relative is the household's head, filed the day the case was applied for, by a worker of that
/// 乡镇); the other filings are for 特困, temporary assistance and low-income relatives. 安心助养: 400 families,
/// twenty-four monthly batches up to the report month as the real batch computes them, all paid, and the current
/// month's, not paid; an opening balance per county holds only what was paid before. The figures are reached at
/// the last closed month (<see cref="DemoCalendar"/>). Deterministic; runs only when there are no points. The
/// large registers are written with prepared statements in one transaction, not through change tracking, so
/// the first start stays fast; they are demo rows and are not audited.
/// </summary>
public sealed class SocialAssistanceSupportDemoData(CareSubsidyBatchService subsidy, TimeProvider clock)
{
    public const int ZeroReportingWorkers = 13_497;
    public const int RelativesFiled = 250;
    public const int PointPersonTimes = 3_186;
    public const decimal PublishedSubsidyTotal = 16_080_000m;

    /// <summary>Families of the 安心助养 programme (joined since 2017; a few left).</summary>
    public const int SubsidyFamilies = 400;

    /// <summary>Months of zero reports and subsidy batches up to and including the report month.</summary>
    public const int HistoryMonths = 24;

    /// <summary>Active workers who have not reported this month yet (the 未报送 list).</summary>
    public const int NotYetReported = 23;

    private static readonly string[] Counties = ["652701", "652702", "652722", "652723"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "阿不都", "巴图", "哈斯", "努尔", "吐尔逊", "周", "吴", "孙"];
    private static readonly string[] GivenNames = ["建国", "秀兰", "志强", "丽娜", "海燕", "金花", "江", "古丽", "明", "巴特尔", "阿依", "红梅", "德力格尔", "玉兰", "军", "芳"];

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.AssistancePoints.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = clock.Today();
        var calendar = new DemoCalendar(today);
        var random = new Random(2017);
        var people = await db.People.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.DivisionCode }).ToListAsync(cancellationToken);

        var tiers = new[]
        {
            new AssistanceTier { Name = "一档（一般困难）", MinAmount = 200, MaxAmount = 1000 },
            new AssistanceTier { Name = "二档（较大困难）", MinAmount = 1000, MaxAmount = 3000 },
            new AssistanceTier { Name = "三档（重大困难）", MinAmount = 3000, MaxAmount = 10000 },
        };
        var points = new[]
        {
            new AssistancePoint { Name = "赛里木湖救助点", DivisionCode = "652701" },
            new AssistancePoint { Name = "五台救助点", DivisionCode = "652701" },
            new AssistancePoint { Name = "八家户救助点", DivisionCode = "652722401" },
            new AssistancePoint { Name = "火车站救助点", DivisionCode = "652701001" },
            new AssistancePoint { Name = "博乐市救助管理站", DivisionCode = "652701" },
            new AssistancePoint { Name = "阿拉山口市救助站", DivisionCode = "652702" },
            new AssistancePoint { Name = "精河县救助管理站", DivisionCode = "652722" },
            new AssistancePoint { Name = "温泉县救助站", DivisionCode = "652723" },
        };
        db.AssistanceTiers.AddRange(tiers);
        db.AssistancePoints.AddRange(points);
        // The yearly standards keep their real years: they are policy (3,600 元 from 2017, 5,280 元 from 2023), not demo time.
        db.CareSubsidyStandards.AddRange(new CareSubsidyStandard { EffectiveYear = 2017, YearlyAmount = 3600 }, new CareSubsidyStandard { EffectiveYear = 2023, YearlyAmount = 5280 });
        await db.SaveChangesAsync(cancellationToken);

        var bulk = await BulkLoader.ForAsync(db, random, "AssistanceTiers", cancellationToken);
        var filings = await PlanFilingsAsync(db, people.ConvertAll(p => (p.Id, p.DivisionCode)), calendar, random, cancellationToken);
        List<(int Id, string DivisionCode)> workers;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            LoadTemporaryAssistance(bulk, transaction, tiers, points, calendar, random);
            // Workers who filed a relative in the report month owe no zero report for it: 13,497 report.
            var filersAtReportMonth = filings.Count(f => Period.Of(f.FiledOn) == calendar.Last);
            workers = LoadWorkers(db, bulk, transaction, ZeroReportingWorkers + filersAtReportMonth, random);
            await transaction.CommitAsync(cancellationToken);
        }

        await SaveFilingsAsync(db, filings, workers, calendar, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            LoadZeroReports(bulk, transaction, workers, calendar);
            await transaction.CommitAsync(cancellationToken);
        }

        await SeedLeadsAsync(db, people.ConvertAll(p => (p.Id, p.DivisionCode)), calendar, random, cancellationToken);
        await SeedSubsidyAsync(db, calendar, bulk, cancellationToken);
    }

    /// <summary>
    /// 3,186 person-times at the points from 1 January two years before this year to the end of the report
    /// month (the published cumulative figure), and 240 elsewhere (at the township office, no point) up to today.
    /// </summary>
    private static void LoadTemporaryAssistance(BulkLoader bulk, IDbContextTransaction transaction, AssistanceTier[] tiers, AssistancePoint[] points, DemoCalendar calendar, Random random)
    {
        using var insert = bulk.PrepareRows(transaction, "TemporaryAssistances",
            "PersonId", "RecipientName", "IdNumber", "Origin", "Difficulty", "TierId", "Amount", "Form", "InKindDescription", "GivenOn", "AssistancePointId", "DivisionCode", "Version");
        string[] origins = ["甘肃省", "河南省", "四川省", "新疆伊犁州", "新疆塔城地区", "新疆乌鲁木齐市", "陕西省", "山东省"];
        // "Since 2024" in the published figure was two years before its year; the span moves with the clock so
        // that this year keeps its share of the person-times whatever the date (the total is the same anyway).
        var start = calendar.YearsAgo(2, 1, 1).DayNumber;
        for (var i = 0; i < PointPersonTimes + 240; i++)
        {
            var atPoint = i < PointPersonTimes;
            var point = atPoint ? points[i % points.Length] : null;
            var division = point?.DivisionCode ?? Counties[i % 4];
            var tier = tiers[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2];
            var amount = Math.Round(tier.MinAmount + ((tier.MaxAmount - tier.MinAmount) * (decimal)random.NextDouble()), 0);
            var inKind = atPoint && i % 3 == 0;
            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            insert.Add(null, name, null, origins[random.Next(origins.Length)], i % 4 == 0 ? (int)DifficultyType.Expenditure : (int)DifficultyType.Emergency,
                tier.Id, amount, inKind ? (int)AssistanceForm.InKind : (int)AssistanceForm.Cash, inKind ? "食品、御寒衣物、返乡车票" : null,
                DateOnly.FromDayNumber(random.Next(start, (atPoint ? calendar.Last.End : calendar.Today).DayNumber + 1)), point?.Id, division, bulk.NewVersion());
        }
    }

    /// <summary>County, township and village workers: every active one owes a zero report each month.</summary>
    private static List<(int Id, string DivisionCode)> LoadWorkers(CivilAffairsDbContext db, BulkLoader bulk, IDbContextTransaction transaction, int total, Random random)
    {
        var towns = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Code).ToList();
        using (var insert = bulk.PrepareRows(transaction, "AssistanceWorkers", "Name", "Level", "DivisionCode", "Post", "Active", "Version"))
        {
            for (var i = 0; i < total; i++)
            {
                var (level, division, post) = i switch
                {
                    < 120 => (WorkerLevel.County, Counties[i % 4], i % 2 == 0 ? "民政局社会救助股" : "民政局干部"),
                    < 600 => (WorkerLevel.Township, towns[i % towns.Count], "民政助理员"),
                    _ => (WorkerLevel.Village, towns[i % towns.Count], (i % 4) switch { 0 => "村（社区）党组织书记", 1 => "村委会主任", 2 => "村（社区）干部", _ => "网格员" }),
                };
                var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
                insert.Add(name, (int)level, division, post, true, bulk.NewVersion());
            }
        }

        // In insertion order (ids ascend): the last ones are the 23 late reporters.
        return db.AssistanceWorkers.IgnoreQueryFilters().OrderBy(w => w.Id).Select(w => new { w.Id, w.DivisionCode }).AsEnumerable().Select(w => (w.Id, w.DivisionCode)).ToList();
    }

    /// <summary>
    /// Zero reports of the twenty-four months up to the report month and of the current month: every active
    /// worker, except in a month he or she filed a relative, and in the current month except the last 23
    /// workers (not reported yet). Written as INSERT … SELECT over the workers, 25 filing days a month (the
    /// report's token copies the worker's: any Guid serves as a concurrency token).
    /// </summary>
    private static void LoadZeroReports(BulkLoader bulk, IDbContextTransaction transaction, List<(int Id, string DivisionCode)> workers, DemoCalendar calendar)
    {
        // One statement a month: worker k files on day k % 25 of the month (a small table of the 25 days).
        var days = string.Join(" UNION ALL ", Enumerable.Range(0, 25).Select(k => $"SELECT {k} AS [K], @p{k + 1} AS [Day]"));
        var command = bulk.PrepareSql(transaction,
            "INSERT INTO [ZeroReports] ([WorkerId], [Period], [FiledOn], [DivisionCode], [Version]) "
            + $"SELECT w.[Id], @p0, d.[Day], w.[DivisionCode], w.[Version] FROM [AssistanceWorkers] w JOIN ({days}) d ON d.[K] = w.[Id] % 25 "
            + "WHERE w.[Active] = 1 AND w.[Id] < @p26 "
            + "AND NOT EXISTS (SELECT 1 FROM [RelativeFilings] f WHERE f.[WorkerId] = w.[Id] AND f.[FiledOn] >= @p27 AND f.[FiledOn] <= @p28)", 29);
        var current = calendar.Current;
        var notYet = workers[^NotYetReported].Id;
        foreach (var period in Period.Range(calendar.Last.AddMonths(-(HistoryMonths - 1)), current))
        {
            // This month's reports are filed by today (on the 1st, all on the 1st).
            var lastDay = period == current ? calendar.Today.Day : period.End.Day;
            var values = new List<object?> { period.Key };
            values.AddRange(Enumerable.Range(0, 25).Select(k => (object?)period.Start.AddDays(Math.Min(k, lastDay - 1))));
            values.AddRange([period == current ? notYet : int.MaxValue, period.Start, period.End]);
            bulk.Execute(command, [.. values]);
        }
    }

    private sealed record PlannedFiling(DateOnly FiledOn, int RelativePersonId, string Division, FilingProgram Program, string Relation);

    /// <summary>
    /// One filing per 低保 case flagged as a worker's close relative (its head, the day the case was applied
    /// for, in its 乡镇), and filings for other programmes from seven years before this year to the end of the
    /// report month, so that 250 are filed by then; the flagged cases applied for this month are filed this month.
    /// </summary>
    private static async Task<List<PlannedFiling>> PlanFilingsAsync(CivilAffairsDbContext db, List<(int Id, string DivisionCode)> people, DemoCalendar calendar, Random random, CancellationToken cancellationToken)
    {
        string[] relations = ["配偶", "父母", "子女", "兄弟姐妹", "祖父母", "孙子女"];
        var flagged = await db.DibaoCases.IgnoreQueryFilters().Where(c => c.CloseRelativeOfWorker).OrderBy(c => c.Id)
            .Select(c => new { c.AppliedOn, c.DivisionCode, c.Household!.HeadPersonId }).ToListAsync(cancellationToken);
        var filings = flagged.Select((c, i) => new PlannedFiling(c.AppliedOn, c.HeadPersonId, c.DivisionCode, FilingProgram.LowIncome, relations[i % relations.Length])).ToList();
        var others = RelativesFiled - filings.Count(f => f.FiledOn <= calendar.Last.End);
        var start = calendar.YearsAgo(7, 1, 1).DayNumber;
        for (var i = 0; i < others; i++)
        {
            var (person, division) = people[(i * 7) % people.Count];
            var program = (i % 3) switch { 0 => FilingProgram.ExtremePoverty, 1 => FilingProgram.Temporary, _ => FilingProgram.LowIncomePopulation };
            filings.Add(new PlannedFiling(DateOnly.FromDayNumber(random.Next(start, calendar.Last.End.DayNumber + 1)), person, division, program, relations[i % relations.Length]));
        }

        return filings;
    }

    /// <summary>Each filing by a worker of the relative's 乡镇 (a county worker elsewhere), never two in a month by the same worker, never by the 23 late reporters.</summary>
    private static async Task SaveFilingsAsync(CivilAffairsDbContext db, List<PlannedFiling> filings, List<(int Id, string DivisionCode)> workers, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var candidates = workers.Take(workers.Count - NotYetReported).Select((w, i) => (w.Id, w.DivisionCode, Index: i)).ToList();
        var byTown = candidates.Where(w => w.Index >= 600).GroupBy(w => w.DivisionCode).ToDictionary(g => g.Key, g => g.ToList());
        var county = candidates.Where(w => w.Index < 120).ToList();
        var used = new HashSet<(int Worker, int Month)>();
        var turn = 0;
        foreach (var f in filings.OrderBy(f => f.FiledOn))
        {
            var pool = byTown.TryGetValue(f.Division, out var town) ? town : county;
            var month = Period.Of(f.FiledOn).Key;
            var worker = pool[turn++ % pool.Count];
            while (!used.Add((worker.Id, month)))
            {
                worker = pool[turn++ % pool.Count];
            }

            db.RelativeFilings.Add(new RelativeFiling
            {
                WorkerId = worker.Id, DivisionCode = worker.DivisionCode, RelativePersonId = f.RelativePersonId, Relation = f.Relation, Program = f.Program, FiledOn = f.FiledOn,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedLeadsAsync(CivilAffairsDbContext db, List<(int Id, string DivisionCode)> people, DemoCalendar calendar, Random random, CancellationToken cancellationToken)
    {
        var today = calendar.Today;

        // Active discovery: leads this year and last, most verified. A converted lead became a 低保
        // application received through the 主动发现 channel: it is linked to that case, found a few days
        // before it; when no such case is left, it carries a 特困/临时救助 case number instead.
        var sources = Enum.GetValues<LeadSource>();
        var yearStart = calendar.YearsAgo(1, 1, 1);
        var discovered = new Queue<SocialAssistance.DibaoCase>(await db.DibaoCases.IgnoreQueryFilters()
            .Where(c => c.Channel == ApplicationChannel.ActiveDiscovery && c.AppliedOn >= yearStart.AddDays(14)).OrderBy(c => c.Id).ToListAsync(cancellationToken));
        for (var i = 0; i < 186; i++)
        {
            var place = people[(i * 7) % people.Count].DivisionCode;
            var found = DateOnly.FromDayNumber(random.Next(yearStart.DayNumber, today.DayNumber + 1));
            var outcome = today.DayNumber - found.DayNumber < 20 ? LeadOutcome.Pending : i % 3 == 0 ? LeadOutcome.NotEligible : LeadOutcome.Converted;
            var lead = new DiscoveryLead
            {
                Source = sources[i % sources.Length], DivisionCode = place, FoundOn = found, Assignee = i % 2 == 0 ? "乡镇民政助理员" : "村（社区）网格员",
                Subject = (i % 4) switch { 0 => "独居老人，患慢性病，无固定收入", 1 => "户主因病失去劳动能力，子女在校", 2 => "突发火灾，住房受损", _ => "残疾人家庭，医疗支出较大" },
                Outcome = outcome == LeadOutcome.Converted ? LeadOutcome.Pending : outcome,
                OutcomeReason = outcome == LeadOutcome.NotEligible ? "经入户核查，家庭人均收入高于当地低保标准" : null,
            };
            if (outcome == LeadOutcome.Converted && discovered.TryDequeue(out var dibao))
            {
                (lead.DivisionCode, lead.FoundOn) = (dibao.DivisionCode, dibao.AppliedOn.AddDays(-3 - (i % 10)));
                lead.ConvertTo(dibao, dibao.AppliedOn);
            }
            else if (outcome == LeadOutcome.Converted)
            {
                (lead.Outcome, lead.ConvertedOn) = (LeadOutcome.Converted, found.AddDays(7 + (i % 10)));
                lead.CaseReference = $"TK-{place[..6]}-{found.Year}-{i + 1:0000}";
            }

            db.DiscoveryLeads.Add(lead);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// 60 families; the twelve months to the report month through the real batch, all paid (each settled ten
    /// days before its month ends), and the current month's batch generated, not yet paid; the opening balance
    /// makes up the published total at the report month.
    /// </summary>
    private async Task SeedSubsidyAsync(CivilAffairsDbContext db, DemoCalendar calendar, BulkLoader bulk, CancellationToken cancellationToken)
    {
        // Each family is a carer (the head, 30–64) and the member who cannot care for themselves (5–74: no one
        // reaches 80 in the coming years, so the high-age allowance does not move), new in the register.
        var used = (await db.People.IgnoreQueryFilters().Select(p => p.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        var towns = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        var random = new Random(5280);
        var members = new List<(int Head, int Dependant, string Division)>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var insert = bulk.Prepare(transaction, "People", "IdNumber", "Name", "Gender", "BirthDate", "DivisionCode", "Version");
            int NewPerson(Divisions.Division place, int minAge, int maxAge)
            {
                var birth = calendar.Today.AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(1, 360));
                string number;
                do
                {
                    var first17 = $"{place.ParentCode}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                    number = first17 + ResidentId.CheckCharacter(first17);
                }
                while (!used.Add(number));
                var id = ResidentId.Parse(number, calendar.Today);
                return (int)bulk.InsertReturningId(insert, id.Value, Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], (int)id.Gender, id.BirthDate, place.Code, bulk.NewVersion());
            }

            for (var i = 0; i < SubsidyFamilies; i++)
            {
                var place = towns[(i * 5) % towns.Count];
                members.Add((NewPerson(place, 30, 64), NewPerson(place, 5, 74), place.Code));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The families joined over the eight years from nine years before this year (2017–2024 for the
        // reference year 2026), so the register looks the same at any date; one in fifteen left eighteen months
        // ago. The programme's standards stay at their real years (2017, 2023: policy, not demo time).
        for (var i = 0; i < members.Count; i++)
        {
            var (head, dependant, division) = members[i];
            db.CareSubsidyFamilies.Add(new CareSubsidyFamily
            {
                HeadPersonId = head, DependantPersonId = dependant, DivisionCode = division,
                StartOn = calendar.YearsAgo(9 - (i % 8), 1 + (i % 12), 1), EndOn = i % 15 == 14 ? calendar.Today.AddMonths(-18) : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var last = calendar.Last;
        var first = last.AddMonths(-(HistoryMonths - 1));
        var batches = new List<SubsidyPreview>();
        foreach (var period in Period.Range(first, calendar.Current))
        {
            batches.Add(await subsidy.PreviewAsync(period, cancellationToken: cancellationToken));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "CareSubsidyPayments", "FamilyId", "DivisionCode", "Period", "Amount", "Status", "SettledOn", "Version");
            foreach (var batch in batches)
            {
                var paidMonth = batch.Period != calendar.Current;
                foreach (var line in batch.Lines)
                {
                    insert.Add(line.FamilyId, line.DivisionCode, batch.Period.Key, line.Amount,
                        (int)(paidMonth ? SubsidyPaymentStatus.Paid : SubsidyPaymentStatus.Pending), paidMonth ? batch.Period.End.AddDays(-10) : null, bulk.NewVersion());
                }
            }

            insert.Flush();

            await transaction.CommitAsync(cancellationToken);
        }

        var paid = await db.CareSubsidyPayments.IgnoreQueryFilters().Where(p => p.Status == SubsidyPaymentStatus.Paid).SumAsync(p => p.Amount, cancellationToken);
        var code = SocialAssistanceSupportIndicators.All.Single(d => d.Kind == IndicatorKind.Cumulative && d.Numerator == SocialAssistanceSupportIndicators.SubsidyPaid).Code;
        var shares = new[] { 0.42m, 0.08m, 0.30m, 0.20m };
        var balance = PublishedSubsidyTotal - paid;
        if (balance < 0)
        {
            throw new InvalidOperationException($"The demo subsidy history ({paid} 元) exceeds the published total.");
        }

        for (var i = 0; i < 4; i++)
        {
            var value = i < 3 ? Math.Round(balance * shares[i], 2) : balance - Enumerable.Range(0, 3).Sum(j => Math.Round(balance * shares[j], 2));
            db.OpeningBalances.Add(new ElderlyCare.OpeningBalance { IndicatorCode = code, DivisionCode = Counties[i], Before = first.Key, Value = value });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
