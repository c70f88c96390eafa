using System.Globalization;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// 儿童福利与残疾人福利 as the bureau publishes it (SERVICE-LINES.md §6): 2 new child welfare institutions
/// with 1,130万元 (1,100万元+), 7 township minor-protection stations, the psychiatric welfare home run
/// by the prefecture's mental-health centre, 60 community rehabilitation activities this year by the
/// report month (and 4 in the current month), and 2,574万元 of disability subsidies paid in all: 1,500
/// living-subsidy and 1,200 nursing-subsidy recipients (500 receive both), twenty-four months paid as the real
/// batch computes them up to the report month, and an opening balance per county for what was paid before
/// (the programme runs since 2016). 应保人数 is counted from the certificate register (recipients, holders
/// certified in the report month whose subsidy starts in the current month, holders who have not applied), so the
/// coverage rates are measured, not typed.
/// The report month is the clock's last closed month and "this year" its year (<see cref="DemoCalendar"/>);
/// standards rise in this year's July, or earlier in the year when the report month is before July.
/// Deterministic; runs only when there are no welfare facilities.
/// </summary>
public sealed class ChildDisabilityDemoData(WelfareBatchService batches, TimeProvider clock)
{
    public const decimal PublishedDisabilityTotal = 25_740_000m;
    public const int LivingRecipients = 1_500;
    public const int NursingRecipients = 1_200;
    public const int BothSubsidies = 500;

    /// <summary>Certificate holders certified in the report month whose subsidy starts in the current month (not yet covered at the report month).</summary>
    public const int PendingRecipients = 30;

    /// <summary>Eligible certificate holders who have not applied (persons in the register, no subsidy).</summary>
    public const int NotApplied = 20;

    /// <summary>Months of payment history up to and including the report month.</summary>
    public const int HistoryMonths = 24;

    /// <summary>The county where every eligible holder is covered (阿拉山口市): coverage 100% there, below elsewhere.</summary>
    public const string FullyCoveredCounty = "652702";
    /// <summary>This year's sessions: 60 by the end of the report month, the rest in the current month.</summary>
    public const int RehabActivitiesThisYear = 64;

    /// <summary>Sessions of this year held by the end of the report month.</summary>
    public const int RehabActivitiesByReportMonth = 60;

    private static readonly string[] Counties = ["652701", "652702", "652722", "652723"];
    private static readonly string[] CountyNames = ["博乐市", "阿拉山口市", "精河县", "温泉县"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "阿不都", "巴图", "哈斯", "努尔", "吐尔逊", "周", "吴", "孙", "乌兰"];
    private static readonly string[] GivenNames = ["建华", "秀英", "志刚", "丽", "海涛", "金花", "强", "古丽", "明", "巴特尔", "阿依", "红", "德力格尔", "玉梅", "军", "娜仁"];
    private static readonly string[] Relations = ["祖父母", "外祖父母", "伯叔姑", "舅姨", "兄姐", "其他亲属"];

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.WelfareFacilities.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = clock.Today();
        var calendar = new DemoCalendar(today);
        var random = new Random(2022);
        var facilities = SeedFacilities(calendar);
        db.WelfareFacilities.AddRange(facilities);

        // The month the standards rise (dynamic adjustment): July of this year, placed by the report month.
        var raise = calendar.ThisYearMonth(7);
        var since = new Period(calendar.Year - 6, 1).Key;
        db.WelfareStandards.AddRange(
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityLiving, MonthlyAmount = 100, EffectiveFrom = since },
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityLiving, MonthlyAmount = 120, EffectiveFrom = raise.Key },
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityNursing, MonthlyAmount = 100, EffectiveFrom = since },
            new WelfareStandard { Benefit = WelfareBenefit.DisabilityNursing, MonthlyAmount = 130, EffectiveFrom = raise.Key },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanCentralised, MonthlyAmount = 1600, EffectiveFrom = since },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanCentralised, MonthlyAmount = 1750, EffectiveFrom = raise.Key },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanDispersed, MonthlyAmount = 1200, EffectiveFrom = since },
            new WelfareStandard { Benefit = WelfareBenefit.OrphanDispersed, MonthlyAmount = 1300, EffectiveFrom = raise.Key },
            new WelfareStandard { Benefit = WelfareBenefit.DeFactoUnsupported, MonthlyAmount = 1200, EffectiveFrom = since },
            new WelfareStandard { Benefit = WelfareBenefit.DeFactoUnsupported, MonthlyAmount = 1300, EffectiveFrom = raise.Key });
        db.RehabActivities.AddRange(Activities(calendar, random));
        await db.SaveChangesAsync(cancellationToken);

        var used = (await db.People.IgnoreQueryFilters().Select(p => p.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        var places = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        Person NewPerson(int minAge, int maxAge, bool outsideFullyCovered = false)
        {
            var place = places[random.Next(places.Count)];
            while (outsideFullyCovered && place.ParentCode == FullyCoveredCounty)
            {
                place = places[random.Next(places.Count)];
            }

            var birth = today.AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(1, 360));
            string number;
            do
            {
                var first17 = $"{place.ParentCode}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                number = first17 + ResidentId.CheckCharacter(first17);
            }
            while (!used.Add(number));
            return new Person(ResidentId.Parse(number, today), Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], place.Code)
            {
                Phone = $"138{random.Next(10000000, 99999999)}",
            };
        }

        // Disability: persons 0..359 receive the living subsidy, 240..539 the nursing subsidy (120 both).
        var disabled = Enumerable.Range(0, LivingRecipients + NursingRecipients - BothSubsidies).Select(_ => NewPerson(18, 79)).ToList();
        var children = Enumerable.Range(0, 200).Select(_ => NewPerson(1, 17)).ToList();
        var pending = Enumerable.Range(0, PendingRecipients).Select(_ => NewPerson(18, 79, outsideFullyCovered: true)).ToList();
        var notApplied = Enumerable.Range(0, NotApplied).Select(_ => NewPerson(18, 79, outsideFullyCovered: true)).ToList();
        // Written with prepared inserts, then read back (tracked: three deaths are recorded below).
        var before = await db.People.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0;
        var bulk = await BulkLoader.ForAsync(db, new Random(2016), "WelfareStandards", cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "People", "IdNumber", "Name", "Gender", "BirthDate", "DivisionCode", "Phone", "Version");
            foreach (var p in disabled.Concat(children).Concat(pending).Concat(notApplied))
            {
                insert.Add(p.IdNumber, p.Name, (int)p.Gender, p.BirthDate, p.DivisionCode, p.Phone, bulk.NewVersion());
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        var saved = await db.People.IgnoreQueryFilters().Where(p => p.Id > before).ToDictionaryAsync(p => p.IdNumber, cancellationToken);
        disabled = disabled.ConvertAll(p => saved[p.IdNumber]);
        children = children.ConvertAll(p => saved[p.IdNumber]);
        pending = pending.ConvertAll(p => saved[p.IdNumber]);
        notApplied = notApplied.ConvertAll(p => saved[p.IdNumber]);

        var subsidies = new List<DisabilitySubsidy>();
        for (var i = 0; i < disabled.Count; i++)
        {
            var p = disabled[i];
            var nursing = i >= LivingRecipients - BothSubsidies;
            var grade = nursing ? 1 + (i % 2) : 1 + (i % 4);
            var category = (DisabilityCategory)(1 + (i % 7));
            var start = i % 10 == 0 ? calendar.ThisYear(1 + (i % 9), 1) : calendar.YearsAgo(7 - (i % 6), 1 + (i % 12), 1);
            var certificate = DisabilityCertificate.Of(p.IdNumber, category, grade);
            DisabilitySubsidy Subsidy(DisabilitySubsidyType type) => new()
            {
                PersonId = p.Id, CertificateNumber = certificate, Category = category, Grade = grade, SubsidyType = type, StartOn = start,
                CrossProvince = i % 80 == 7, DivisionCode = p.DivisionCode, Note = i % 80 == 7 ? "跨省通办：户籍地外申请" : null,
            };
            if (i < LivingRecipients)
            {
                subsidies.Add(Subsidy(DisabilitySubsidyType.Living));
            }

            if (nursing)
            {
                subsidies.Add(Subsidy(DisabilitySubsidyType.Nursing));
            }
        }

        // Certified in the report month, applied, approved from the current month: eligible but not yet covered at the report month.
        for (var i = 0; i < pending.Count; i++)
        {
            var p = pending[i];
            var nursing = i % 3 == 0;
            var grade = nursing ? 1 + (i % 2) : 3 + (i % 2);
            var category = (DisabilityCategory)(1 + (i % 7));
            subsidies.Add(new DisabilitySubsidy
            {
                PersonId = p.Id, CertificateNumber = DisabilityCertificate.Of(p.IdNumber, category, grade), Category = category, Grade = grade,
                SubsidyType = nursing ? DisabilitySubsidyType.Nursing : DisabilitySubsidyType.Living, StartOn = calendar.Current.Start, DivisionCode = p.DivisionCode,
            });
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "DisabilitySubsidies", "PersonId", "CertificateNumber", "Category", "Grade", "SubsidyType", "StartOn", "EndOn", "CrossProvince", "DivisionCode", "Note", "Version");
            foreach (var x in subsidies)
            {
                insert.Add(x.PersonId, x.CertificateNumber, (int)x.Category, x.Grade, (int)x.SubsidyType, x.StartOn, x.EndOn, x.CrossProvince, x.DivisionCode, x.Note, bulk.NewVersion());
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        // The certificate register beyond the subsidies: holders eligible for a subsidy (grade 1–2 for nursing, in a
        // hardship household for the living subsidy) who have not applied, certified two to four years ago.
        var holders = notApplied.Select((p, i) => new CertificateHolder(p, i % 2 == 0 ? DisabilitySubsidyType.Nursing : DisabilitySubsidyType.Living, calendar.YearsAgo(2 + (i % 3), 1 + (i % 12), 10))).ToList();

        // Children: 30 in centralised care, 64 dispersed orphans, 106 de-facto unsupported; 6 of them left care this year.
        // Everyone is in care by the end of the report month, so its figures are complete.
        var institutions = facilities.Where(f => f.Kind == WelfareFacilityKind.ChildWelfareInstitution).ToList();
        var inCare = new List<ChildInCare>();
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            var category = i < 30 ? ChildCategory.OrphanCentralised : i < 94 ? ChildCategory.OrphanDispersed : ChildCategory.DeFactoUnsupported;
            var institution = category == ChildCategory.OrphanCentralised ? institutions[i % institutions.Count] : null;
            var start = c.BirthDate.AddYears(1) > calendar.YearsAgo(5, 1, 1) ? c.BirthDate.AddMonths(13) : calendar.YearsAgo(5 - (i % 5), 1 + (i % 12), 1);
            var ended = i >= children.Count - 6;
            if (ended && start > new DateOnly(calendar.Year, 1, 1))
            {
                start = new DateOnly(calendar.Year, 1, 1);
            }
            inCare.Add(new ChildInCare
            {
                PersonId = c.Id, Category = category, StartOn = start > calendar.Last.End ? calendar.Last.Start : start, DivisionCode = c.DivisionCode,
                GuardianName = institution is null ? Surnames[(i + 3) % Surnames.Length] + GivenNames[(i + 5) % GivenNames.Length] : $"{institution.Name}（机构监护）",
                GuardianRelation = institution is null ? Relations[i % Relations.Length] : "机构监护",
                GuardianPhone = institution is null ? $"135{random.Next(10000000, 99999999)}" : "0909-2222110",
                Institution = institution,
                EndOn = ended ? calendar.ThisYear(3 + (i % 5), 28) : null,
                ExitReason = ended ? (i % 2 == 0 ? ChildExitReason.Adopted : ChildExitReason.GuardianshipRestored) : null,
            });
        }

        db.ChildrenInCare.AddRange(inCare);

        // 福彩圆梦·孤儿助学: 42 students last year, 46 this year, granted at the start of the school year (this
        // year: by the report month, September at the latest).
        var orphans = children.Take(94).ToList();
        // Who was granted in which year, as the context's local view would say (asking DbSet.Local scans every tracked person each time).
        var aided = new HashSet<(int PersonId, int Year)>();
        for (var year = calendar.Year - 1; year <= calendar.Year; year++)
        {
            var count = year == calendar.Year ? 46 : 42;
            var granted = year == calendar.Year ? calendar.ThisYear(9, 10) : new DateOnly(year, 9, 10);
            for (var i = 0; i < count; i++)
            {
                var student = orphans[(i * 2 + year) % orphans.Count];
                if (aided.Contains((student.Id, year)))
                {
                    student = orphans.First(o => !aided.Contains((o.Id, year)));
                }

                aided.Add((student.Id, year));
                db.EducationAids.Add(new EducationAid
                {
                    PersonId = student.Id, Year = year, School = Age.On(student.BirthDate, today) >= 15 ? "博州第一高级中学" : $"{DivisionCatalog.NameOf(student.DivisionCode)}中心学校",
                    Amount = Age.On(student.BirthDate, today) >= 15 ? 5000 : 3000, GrantedOn = granted, DivisionCode = student.DivisionCode,
                });
            }
        }

        // Three subsidy recipients died two and one months before the report month: paid for their death month, never after.
        var twoBefore = calendar.Last.AddMonths(-2);
        var oneBefore = calendar.Last.AddMonths(-1);
        foreach (var (person, died) in new[] { (disabled[3], DemoCalendar.Day(twoBefore, 14)), (disabled[300], DemoCalendar.Day(oneBefore, 2)), (disabled[477], DemoCalendar.Day(twoBefore, 30)) })
        {
            person.RecordDeath(died, today);
        }

        await db.SaveChangesAsync(cancellationToken);

        await SeedPaymentsAsync(db, calendar, cancellationToken);
        await SeedEligibleAsync(db, calendar, holders, cancellationToken);
    }

    private static List<WelfareFacility> SeedFacilities(DemoCalendar calendar)
    {
        // History keeps its distance from this year. The two new institutions stay within the 14th Five-Year
        // Plan's count (CW09/CW11: from 2021 on, fixed in the indicator) for any year from 2025.
        var year = calendar.Year;
        var list = new List<WelfareFacility>
        {
            new() { Name = "博尔塔拉蒙古自治州儿童福利院", Kind = WelfareFacilityKind.ChildWelfareInstitution, DivisionCode = DivisionCatalog.PrefectureCode, Capacity = 120,
                Investment = 8_000_000, InvestmentYear = year - 13, OpenedOn = calendar.YearsAgo(12, 6, 1), ChildrenServed = 18 },
            // The two new institutions of the 14th Five-Year Plan: 650 + 480 = 1,130 万元.
            new() { Name = "博乐市儿童福利院", Kind = WelfareFacilityKind.ChildWelfareInstitution, DivisionCode = "652701", Capacity = 80,
                Investment = 6_500_000, InvestmentYear = year - 4, OpenedOn = calendar.YearsAgo(3, 9, 1), ChildrenServed = 12 },
            new() { Name = "精河县儿童福利院", Kind = WelfareFacilityKind.ChildWelfareInstitution, DivisionCode = "652722", Capacity = 50,
                Investment = 4_800_000, InvestmentYear = year - 3, OpenedOn = calendar.YearsAgo(2, 6, 1), ChildrenServed = 8 },
            new() { Name = "博尔塔拉蒙古自治州精神卫生福利院", Kind = WelfareFacilityKind.PsychiatricWelfareHome, DivisionCode = DivisionCatalog.PrefectureCode, Capacity = 150,
                Investment = 0, OpenedOn = calendar.YearsAgo(8, 10, 1), ChildrenServed = 0, Operator = "博尔塔拉蒙古自治州精神卫生中心（州第二人民医院）" },
        };
        var townships = DivisionCatalog.All.Where(d => d.IsTownshipLevel).Select(d => d.Code).ToList();
        for (var i = 0; i < 7; i++)
        {
            var town = townships[(i * 3) % townships.Count];
            var opened = calendar.YearsAgo(2 - (i / 4), 3 + i, 1);
            list.Add(new WelfareFacility
            {
                Name = $"{DivisionCatalog.NameOf(town)}未成年人保护工作站", Kind = WelfareFacilityKind.MinorProtectionStation, DivisionCode = town, Capacity = 0,
                Investment = 150_000, InvestmentYear = opened.Year, OpenedOn = opened, ChildrenServed = 20 + (i * 7),
            });
        }

        return list;
    }

    private static List<RehabActivity> Activities(DemoCalendar calendar, Random random)
    {
        var titles = new Dictionary<RehabActivityKind, string>
        {
            [RehabActivityKind.Training] = "精神障碍社区康复训练",
            [RehabActivityKind.Counselling] = "心理健康疏导讲座",
            [RehabActivityKind.SocialInclusion] = "康复者社会融入活动",
            [RehabActivityKind.FamilyTraining] = "精神障碍患者家属照护培训",
            [RehabActivityKind.Screening] = "社区精神卫生筛查义诊",
        };
        var list = new List<RehabActivity>();
        // This year: 60 sessions by the end of the report month, 4 more in the current month up to today (in
        // January these open the new year); and 30 the year before.
        for (var i = 0; i < RehabActivitiesThisYear + 30; i++)
        {
            var thisYear = i < RehabActivitiesThisYear;
            var held = thisYear
                ? (i < RehabActivitiesByReportMonth ? calendar.ThisYear(1 + (i % 10), 3 + (i % 25)) : calendar.InCurrentMonth(2 + i - RehabActivitiesByReportMonth))
                : calendar.YearsAgo(1, 1 + (i % 12), 5 + (i % 20));
            var kind = (RehabActivityKind)(1 + (i % 5));
            list.Add(new RehabActivity
            {
                Title = $"{CountyNames[i % 4]}{titles[kind]}", Kind = kind, HeldOn = held, DivisionCode = Counties[i % 4], Participants = 15 + random.Next(0, 40),
            });
        }

        return list;
    }

    /// <summary>
    /// Twelve months to the report month as the real batch computes them (its preview: standards by
    /// month, the death rule), all paid; the opening balance makes up the published total. The
    /// payments are written with one prepared insert in one transaction (demo rows, not audited), so
    /// the first start stays fast.
    /// </summary>
    private async Task SeedPaymentsAsync(CivilAffairsDbContext db, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var last = calendar.Last;
        var first = last.AddMonths(-(HistoryMonths - 1));
        var lines = new List<(Period Period, WelfareGroup Group, WelfareLine Line)>();
        // The months to the report month, paid, and the current month's batch, generated and not yet paid (as in the other lines).
        foreach (var period in Period.Range(first, calendar.Current))
        {
            foreach (var group in new[] { WelfareGroup.Disability, WelfareGroup.Children })
            {
                var preview = await batches.PreviewAsync(group, period, cancellationToken: cancellationToken);
                lines.AddRange(preview.Lines.Select(l => (period, group, l)));
            }
        }

        var bulk = await BulkLoader.ForAsync(db, new Random(2574), "WelfareStandards", cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "WelfarePayments", "Benefit", "Group", "PersonId", "RecordId", "DivisionCode", "Period", "Amount", "Status", "SettledOn", "Version");
            foreach (var (period, group, line) in lines)
            {
                var paidMonth = period != calendar.Current;
                insert.Add((int)line.Benefit, (int)group, line.PersonId, line.RecordId, line.DivisionCode, period.Key, line.Amount,
                    (int)(paidMonth ? PaymentStatus.Paid : PaymentStatus.Pending), paidMonth ? period.End.AddDays(-10) : null, bulk.NewVersion());
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        await WelfareTotals.RefreshAsync(db, Period.Range(first, calendar.Current).Select(p => p.Key), cancellationToken);

        var paid = lines.Where(l => l.Group == WelfareGroup.Disability && l.Period != calendar.Current).Sum(l => l.Line.Amount);
        var code = ChildDisabilityIndicators.All.Single(d => d.Kind == IndicatorKind.Cumulative && d.Numerator == ChildDisabilityIndicators.DisabilityPaid).Code;
        var shares = new[] { 0.44m, 0.08m, 0.30m, 0.18m };
        var balance = PublishedDisabilityTotal - paid;
        for (var i = 0; i < 4; i++)
        {
            var value = i < 3 ? Math.Round(balance * shares[i], 2) : balance - Enumerable.Range(0, 3).Sum(j => Math.Round(balance * shares[j], 2));
            db.OpeningBalances.Add(new OpeningBalance { IndicatorCode = code, DivisionCode = Counties[i], Before = first.Key, Value = value });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record CertificateHolder(Person Person, DisabilitySubsidyType Eligible, DateOnly CertifiedOn);

    /// <summary>
    /// 应保人数 per county and month for the thirteen months to the report month, counted from the certificate
    /// register as it stood at each month's end: every holder eligible for the subsidy (recipients were certified and
    /// applied in the month before their subsidy started; holders who have not applied; the living, that is), so the
    /// coverage is a measurement: below 100% where holders are still waiting for their first month or have not
    /// applied, 100% in 阿拉山口市 at the report month.
    /// </summary>
    private static async Task SeedEligibleAsync(CivilAffairsDbContext db, DemoCalendar calendar, List<CertificateHolder> holders, CancellationToken cancellationToken)
    {
        var subsidies = await db.DisabilitySubsidies.IgnoreQueryFilters()
            .Select(s => new { s.DivisionCode, s.SubsidyType, s.StartOn, s.EndOn, s.Person!.DateOfDeath }).ToListAsync(cancellationToken);
        var register = subsidies.Select(s => (County: s.DivisionCode[..6], Type: s.SubsidyType, CertifiedOn: s.StartOn.AddMonths(-1).AddDays(9), Until: Min(s.EndOn, s.DateOfDeath)))
            .Concat(holders.Select(h => (County: h.Person.DivisionCode[..6], Type: h.Eligible, h.CertifiedOn, Until: h.Person.DateOfDeath)))
            .ToList();
        foreach (var month in Period.Range(calendar.Last.AddMonths(-12), calendar.Last))
        {
            var end = month.End;
            foreach (var group in register.Where(r => r.CertifiedOn <= end && (r.Until is null || r.Until >= end)).GroupBy(r => (r.County, r.Type)))
            {
                db.EligiblePopulations.Add(new EligiblePopulation { DivisionCode = group.Key.County, SubsidyType = group.Key.Type, Count = group.Count(), EffectiveFrom = month.Key });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
