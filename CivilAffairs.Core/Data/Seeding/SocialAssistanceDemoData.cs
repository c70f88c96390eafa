using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// A believable 社会救助 caseload for a prefecture of about 490,000 people: 低保 standards per county
/// (urban about 800, rural about 600 元 a month, raised on 1 January); 4,200 households (about 10,000
/// persons, some 2 % of the population) over every 乡镇/街道 — the first 200 with cases at every step of
/// the procedure (on notice, overdue, suspended, exited, refused …), the rest mostly in payment; 650 特困
/// persons (a third centralised); and twenty-four months of payments up to the last closed month, paid
/// (only for months a case was in payment), plus the current month's, pending, written in bulk (see
/// <see cref="DemoCalendar"/>). Every 近亲属 case (a close relative of a worker) gets its filing from the
/// support data (<see cref="SocialAssistanceSupportDemoData"/>). Procedure dates count back from today. Persons are of working age or 60–79,
/// so the elderly-care figures do not move. Deterministic; runs only on an empty household table.
/// </summary>
public sealed class SocialAssistanceDemoData(TimeProvider clock, IOptions<SocialAssistanceOptions> options)
{
    public const int HouseholdCount = 4_200;
    public const int PovertyCount = 650;

    /// <summary>The first households walk the procedure to every step; the others are mostly in payment.</summary>
    private const int VariedHouseholds = 200;

    /// <summary>Months of payment history up to and including the last closed month.</summary>
    public const int HistoryMonths = 24;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "周", "吐尔逊", "阿不都", "巴特尔", "古丽", "努尔", "哈力木", "其其格"];
    private static readonly string[] GivenNames = ["建军", "秀兰", "玉珍", "国庆", "海英", "卫东", "丽娜", "江", "艳", "布和", "萨仁", "买买提", "阿依古丽", "叶尔江", "木拉提"];

    // County code → (urban, rural) standards this year (the last closed month's year, raised on its 1 January);
    // before, 50 and 40 元 lower, from four years back: the oldest cases applied up to 41 months before today,
    // which early in a year is before 1 January three years back.
    private static readonly Dictionary<string, (decimal Urban, decimal Rural)> Standards = new()
    {
        ["652701"] = (820m, 620m),
        ["652702"] = (850m, 650m),
        ["652722"] = (800m, 600m),
        ["652723"] = (780m, 590m),
    };

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Households.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = clock.Today();
        var random = new Random(1999);
        var calendar = new DemoCalendar(today);
        var standards = SeedStandards(db, calendar.Year);
        var used = (await db.People.IgnoreQueryFilters().Select(p => p.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        var places = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();

        Person NewPerson(Division place, int minAge, int maxAge)
        {
            var birth = today.AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(1, 360));
            string number;
            do
            {
                var first17 = $"{place.ParentCode}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                number = first17 + ResidentId.CheckCharacter(first17);
            }
            while (!used.Add(number));
            return new Person(ResidentId.Parse(number, today), Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], place.Code);
        }

        // All households are made first (the random sequence, and so the data, is the same whichever way
        // a household is written); the varied ones go through the context (audited like any write), the
        // others in bulk.
        var households = new List<Household>();
        for (var i = 0; i < HouseholdCount; i++)
        {
            var place = places[i % places.Count];
            var area = place.Kind == DivisionKind.Subdistrict || (place.Kind == DivisionKind.Town && i % 3 == 0) ? UrbanRural.Urban : UrbanRural.Rural;
            var size = 1 + random.Next(4);
            var household = new Household { DivisionCode = place.Code, Area = area, Address = $"{place.Name}{1 + random.Next(30)}村（社区）{1 + random.Next(200)}号" };
            for (var m = 0; m < size; m++)
            {
                var person = NewPerson(place, m == 0 ? 30 : 1, m == 0 ? 75 : 70);
                household.Members.Add(new HouseholdMember
                {
                    Person = person, DivisionCode = place.Code, Relation = m == 0 ? HouseholdRelation.Head : m == 1 ? HouseholdRelation.Spouse : HouseholdRelation.Child,
                    MonthlyIncome = random.Next(0, 5) == 0 ? 0m : random.Next(50, 330), ClassifiedTopUp = random.Next(6) == 0,
                });
            }

            household.Head = household.Members[0].Person;
            households.Add(household);
        }

        var varied = households.Take(VariedHouseholds).ToList();
        db.Households.AddRange(varied);
        await db.SaveChangesAsync(cancellationToken);

        var walked = households.Select((h, i) => Walk(h, i, today, standards, random)).ToList();
        db.DibaoCases.AddRange(walked.Take(VariedHouseholds));

        var poverty = new List<ExtremePovertyCase>();
        for (var i = 0; i < PovertyCount; i++)
        {
            var place = places[(i * 7) % places.Count];
            var county = place.ParentCode!;
            var centralised = i % 3 == 0;
            var person = NewPerson(place, 45, 79);
            db.People.Add(person);
            poverty.Add(new ExtremePovertyCase
            {
                Person = person, DivisionCode = place.Code, Mode = centralised ? SupportMode.Centralised : SupportMode.Dispersed,
                FacilityName = centralised ? $"{DivisionCatalog.NameOf(county)}综合社会福利院" : null,
                SelfCare = (SelfCareAbility)(1 + (i % 5 == 0 ? 2 : i % 3 == 1 ? 1 : 0)), WillingCentralised = centralised,   // 应养尽养: everyone willing is in centralised care
                MonthlyAmount = centralised ? 1_250m : 1_020m, StartedOn = today.AddMonths(-6 - random.Next(60)).AddDays(-random.Next(28)),
                EndedOn = i % 40 == 39 ? today.AddMonths(-2) : null, EndReason = i % 40 == 39 ? "死亡" : null,
            });
        }

        db.ExtremePovertyCases.AddRange(poverty);
        await db.SaveChangesAsync(cancellationToken);

        var cases = walked.Take(VariedHouseholds).Select(c => (c.Id, c)).ToList();
        cases.AddRange(await LoadHouseholdsAsync(db, households.Skip(VariedHouseholds).Zip(walked.Skip(VariedHouseholds)), cancellationToken));
        await SeedPaymentsAsync(db, cases, poverty, calendar, cancellationToken);
    }

    /// <summary>Writes households with their persons, members, case and its steps in one transaction; returns each case's id.</summary>
    private static async Task<List<(int Id, DibaoCase Case)>> LoadHouseholdsAsync(
        CivilAffairsDbContext db, IEnumerable<(Household Household, DibaoCase Case)> rows, CancellationToken cancellationToken)
    {
        var bulk = await BulkLoaderForAsync(db, new Random(11), cancellationToken);
        var loaded = new List<(int, DibaoCase)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = bulk.Prepare(transaction, "People", "IdNumber", "Name", "Gender", "BirthDate", "DivisionCode", "Version");
        var household = bulk.Prepare(transaction, "Households", "HeadPersonId", "DivisionCode", "Area", "Address", "Version");
        using var member = bulk.PrepareRows(transaction, "HouseholdMembers", "HouseholdId", "PersonId", "DivisionCode", "Relation", "MonthlyIncome", "ClassifiedTopUp", "Version");
        var dibao = bulk.Prepare(transaction, "DibaoCases", "HouseholdId", "DivisionCode", "Area", "Channel", "State", "CloseRelativeOfWorker", "AppliedOn", "ProcessDueOn",
            "DueOn", "NoticeFrom", "NoticeUntil", "CountyReviewedOn", "CountyReviewedBy", "DecidedOn", "ConfirmedOn", "ExitedOn", "ProcessingDays", "Members",
            "PerCapitaIncome", "StandardAmount", "TopUp", "MonthlyBenefit", "Reason", "Version");
        using var step = bulk.PrepareRows(transaction, "CaseTransitions", "DibaoCaseId", "DivisionCode", "Action", "From", "To", "ByUserName", "ByDisplayName", "At", "On", "Comment", "Version");
        foreach (var (h, c) in rows)
        {
            var personIds = h.Members.ConvertAll(m => (int)bulk.InsertReturningId(person,
                m.Person!.IdNumber, m.Person.Name, (int)m.Person.Gender, m.Person.BirthDate, m.Person.DivisionCode, bulk.NewVersion()));
            var householdId = (int)bulk.InsertReturningId(household, personIds[0], h.DivisionCode, (int)h.Area, h.Address, bulk.NewVersion());
            for (var m = 0; m < h.Members.Count; m++)
            {
                var hm = h.Members[m];
                member.Add(householdId, personIds[m], hm.DivisionCode, (int)hm.Relation, hm.MonthlyIncome, hm.ClassifiedTopUp, bulk.NewVersion());
            }

            var caseId = (int)bulk.InsertReturningId(dibao, householdId, c.DivisionCode, (int)c.Area, (int)c.Channel, (int)c.State, c.CloseRelativeOfWorker, c.AppliedOn, c.ProcessDueOn,
                c.DueOn, c.NoticeFrom, c.NoticeUntil, c.CountyReviewedOn, c.CountyReviewedBy, c.DecidedOn, c.ConfirmedOn, c.ExitedOn, c.ProcessingDays, c.Members,
                c.PerCapitaIncome, c.StandardAmount, c.TopUp, c.MonthlyBenefit, c.Reason, bulk.NewVersion());
            foreach (var t in c.Transitions)
            {
                step.Add(caseId, t.DivisionCode, (int)t.Action, (int)t.From, (int)t.To, t.ByUserName, t.ByDisplayName, t.At, t.On, t.Comment, bulk.NewVersion());
            }

            loaded.Add((caseId, c));
        }

        member.Flush();
        step.Flush();
        await transaction.CommitAsync(cancellationToken);
        return loaded;
    }

    /// <summary>Guids are written as the context writes its concurrency tokens (SQLite: text in EF's case).</summary>
    private static async Task<BulkLoader> BulkLoaderForAsync(CivilAffairsDbContext db, Random random, CancellationToken cancellationToken)
    {
        var sample = await db.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM Households").FirstAsync(cancellationToken);
        return new BulkLoader(db, random, sample == sample.ToUpperInvariant());
    }

    private static List<AssistanceStandard> SeedStandards(CivilAffairsDbContext db, int year)
    {
        var list = new List<AssistanceStandard>();
        foreach (var (county, (urban, rural)) in Standards)
        {
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Urban, MonthlyAmount = urban - 50, EffectiveFrom = new DateOnly(year - 4, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Rural, MonthlyAmount = rural - 40, EffectiveFrom = new DateOnly(year - 4, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Urban, MonthlyAmount = urban, EffectiveFrom = new DateOnly(year, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Rural, MonthlyAmount = rural, EffectiveFrom = new DateOnly(year, 1, 1) });
        }

        db.AssistanceStandards.AddRange(list);
        return list;
    }

    /// <summary>Takes a household's case through the procedure with past dates, stopping at the stage its index gives it.</summary>
    private DibaoCase Walk(Household household, int i, DateOnly today, List<AssistanceStandard> standards, Random random)
    {
        var o = options.Value;
        var clerk = new UserContext("demo", "township-clerk", "乡镇经办员", Roles.Staff, DivisionScope.For(household.DivisionCode), new HashSet<ServiceLine> { ServiceLine.SocialAssistance });
        var county = new UserContext("demo", "county-clerk", "县民政局审核员", Roles.Staff, DivisionScope.For(household.DivisionCode[..6]), new HashSet<ServiceLine> { ServiceLine.SocialAssistance });
        // Steps of recent applications are capped at today: the newest cases are simply quicker.
        CaseActor On(DateOnly day, UserContext? who = null)
        {
            day = day > today ? today : day;
            return new(who ?? clerk, day, new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 30)), TimeSpan.Zero));
        }

        // Stage by index: 0–5 applied, 6–11 under review, 12–19 on notice, 20–27 refused, 28–35 suspended,
        // 36–47 exited, 48–57 in periodic review, the rest in payment. Past the varied ones: one in ten
        // exited, one in fifty suspended, the rest in payment.
        var stage = i < VariedHouseholds ? i % 100 : i % 10 == 3 ? 40 : i % 50 == 11 ? 30 : 60 + (i % 40);
        var open = stage < 20;
        var applied = open ? today.AddDays(-random.Next(3, 45)) : today.AddMonths(-1 - random.Next(40)).AddDays(-random.Next(28));
        while (!WorkingDays.IsWorkingDay(applied))
        {
            applied = applied.AddDays(1);
        }

        var channel = (ApplicationChannel)(1 + (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2));
        var relative = i % 25 == 7;
        var c = DibaoCase.Apply(household, channel, relative, applied, On(applied), o, channel == ApplicationChannel.ActiveDiscovery ? "网格员主动发现，上门受理" : null);
        if (stage < 6)
        {
            return c;
        }

        var day = Min(WorkingDays.Add(applied, 1 + random.Next(3)), today);
        c.StartReview(On(day), "已安排入户调查");
        if (stage < 12)
        {
            return c;
        }

        if (stage is >= 20 and < 28)
        {
            c.Refuse(On(WorkingDays.Add(day, 3 + random.Next(5))), stage % 2 == 0 ? "家庭人均收入高于当地低保标准" : "家庭拥有非生活必需的机动车辆");
            return c;
        }

        day = Min(WorkingDays.Add(day, 4 + random.Next(6)), today);
        c.PublishNotice(true, true, On(day), o, "入户调查、收入核查完成，拟纳入，予以公示");
        if (relative)
        {
            c.RecordCountyReview(On(WorkingDays.Add(day, 2), county), "近亲属备案，县级复核无异议");
        }

        if (stage < 20)
        {
            return c;
        }

        day = Min(WorkingDays.Add(day.AddDays(o.NoticeDays - 1), 1 + random.Next(2)), today);
        var standard = AssistanceStandard.Choose(standards, household.DivisionCode, household.Area, day);
        c.Confirm(household, standard, On(day), o, "公示无异议，确认纳入");
        var later = day.AddMonths(1 + random.Next(6));
        if (later >= today)
        {
            return c;
        }

        if (stage is >= 28 and < 36)
        {
            c.Suspend(On(later < today.AddMonths(-2) ? today.AddMonths(-2) : later), "外出务工，收入情况待核实");
        }
        else if (stage is >= 36 and < 48)
        {
            c.Exit(On(later), stage % 2 == 0 ? "家庭成员就业，收入超过标准" : "户主死亡，家庭无其他成员");
        }
        else if (stage is >= 48 and < 58)
        {
            c.StartPeriodicReview(On(today.AddDays(-10 - random.Next(20))), "年度定期复核");
        }

        return c;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The day a case stopped being in payment (suspended or exited), or null while it is.</summary>
    internal static DateOnly? StoppedOn(DibaoCase c) =>
        c.ExitedOn ?? (c.State == CaseState.Suspended ? c.Transitions.LastOrDefault(t => t.To == CaseState.Suspended)?.On : null);

    /// <summary>
    /// Twenty-four months of payments up to the last closed month, paid (a few returned), and the current
    /// month's, pending: 低保 cases in payment at the month's batch and 特困 persons supported in it. A case is
    /// paid for a month only when it was confirmed by the batch (ten days before the month ends; the current
    /// month's batch today) and was neither suspended nor exited in that month or before (a case suspended on
    /// day d of month M is not paid for M); a 特困 person who left support in a month is not paid for it.
    /// Over a hundred thousand rows: one prepared command.
    /// </summary>
    private static async Task SeedPaymentsAsync(CivilAffairsDbContext db, List<(int Id, DibaoCase Case)> cases, List<ExtremePovertyCase> poverty, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var current = calendar.Current;
        var first = calendar.Last.AddMonths(-(HistoryMonths - 1));
        var bulk = await BulkLoaderForAsync(db, new Random(7), cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "AssistancePayments", "Program", "CaseId", "DivisionCode", "Area", "Period", "Persons", "Amount", "Status", "SettledOn", "Note", "Version");
            foreach (var month in Period.Range(first, current))
            {
                var settled = month == current ? (DateOnly?)null : month.End.AddDays(-10);
                var batchDay = settled ?? calendar.Today;
                PaymentStatus Status(int id) => settled is null ? PaymentStatus.Pending : id % 97 == 5 ? PaymentStatus.Returned : PaymentStatus.Paid;
                foreach (var (id, c) in cases.Where(x => x.Case.ConfirmedOn <= batchDay && !(StoppedOn(x.Case) <= month.End)))
                {
                    var status = Status(id);
                    insert.Add((int)AssistanceProgram.Dibao, id, c.DivisionCode, (int)c.Area, month.Key, c.Members, c.MonthlyBenefit, (int)status, settled,
                        status == PaymentStatus.Returned ? "银行账户异常" : null, bulk.NewVersion());
                }

                foreach (var p in poverty.Where(p => p.StartedOn <= batchDay && !(p.EndedOn <= month.End)))
                {
                    insert.Add((int)AssistanceProgram.ExtremePoverty, p.Id, p.DivisionCode, (int)UrbanRural.Rural, month.Key, 1, p.MonthlyAmount,
                        (int)(settled is null ? PaymentStatus.Pending : PaymentStatus.Paid), settled, null, bulk.NewVersion());
                }
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        await AssistanceTotals.RefreshAsync(db, Period.Range(first, current).Select(p => p.Key), cancellationToken);
    }
}
