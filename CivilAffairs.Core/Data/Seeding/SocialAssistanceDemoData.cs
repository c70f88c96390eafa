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
/// A small but believable 社会救助 caseload: 低保 standards per county (urban about 800, rural about
/// 600 元 a month, raised on 1 January), 200 households over every 乡镇/街道 with cases at every step
/// of the procedure (most in payment, some on notice, overdue, suspended, exited or refused), 80
/// 特困 persons (a third centralised), and four months of payments. Persons are of working age or
/// 60–79, so the elderly-care figures do not move. Deterministic; runs only on an empty household table.
/// </summary>
public sealed class SocialAssistanceDemoData(TimeProvider clock, IOptions<SocialAssistanceOptions> options)
{
    public const int HouseholdCount = 200;
    public const int PovertyCount = 80;
    public const int PaidMonths = 4;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "周", "吐尔逊", "阿不都", "巴特尔", "古丽", "努尔", "哈力木", "其其格"];
    private static readonly string[] GivenNames = ["建军", "秀兰", "玉珍", "国庆", "海英", "卫东", "丽娜", "江", "艳", "布和", "萨仁", "买买提", "阿依古丽", "叶尔江", "木拉提"];

    // County code → (urban, rural) standards this year; last year's were 50 and 40 元 lower.
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
        var standards = SeedStandards(db, today);
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
                db.People.Add(person);
                household.Members.Add(new HouseholdMember
                {
                    Person = person, DivisionCode = place.Code, Relation = m == 0 ? HouseholdRelation.Head : m == 1 ? HouseholdRelation.Spouse : HouseholdRelation.Child,
                    MonthlyIncome = random.Next(0, 5) == 0 ? 0m : random.Next(50, 330), ClassifiedTopUp = random.Next(6) == 0,
                });
            }

            household.Head = household.Members[0].Person;
            households.Add(household);
        }

        db.Households.AddRange(households);
        await db.SaveChangesAsync(cancellationToken);

        var cases = households.Select((h, i) => Walk(h, i, today, standards, random)).ToList();
        db.DibaoCases.AddRange(cases);

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
                SelfCare = (SelfCareAbility)(1 + (i % 5 == 0 ? 2 : i % 3 == 1 ? 1 : 0)), WillingCentralised = centralised || i % 8 == 1,
                MonthlyAmount = centralised ? 1_250m : 1_020m, StartedOn = today.AddMonths(-6 - random.Next(60)).AddDays(-random.Next(28)),
                EndedOn = i % 40 == 39 ? today.AddMonths(-2) : null, EndReason = i % 40 == 39 ? "死亡" : null,
            });
        }

        db.ExtremePovertyCases.AddRange(poverty);
        await db.SaveChangesAsync(cancellationToken);
        await SeedPaymentsAsync(db, cases, poverty, today, cancellationToken);
    }

    private static List<AssistanceStandard> SeedStandards(CivilAffairsDbContext db, DateOnly today)
    {
        var list = new List<AssistanceStandard>();
        foreach (var (county, (urban, rural)) in Standards)
        {
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Urban, MonthlyAmount = urban - 50, EffectiveFrom = new DateOnly(today.Year - 3, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Rural, MonthlyAmount = rural - 40, EffectiveFrom = new DateOnly(today.Year - 3, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Urban, MonthlyAmount = urban, EffectiveFrom = new DateOnly(today.Year, 1, 1) });
            list.Add(new AssistanceStandard { CountyCode = county, Area = UrbanRural.Rural, MonthlyAmount = rural, EffectiveFrom = new DateOnly(today.Year, 1, 1) });
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
        // 36–47 exited, 48–57 in periodic review, the rest in payment.
        var stage = i % 100;
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

    /// <summary>The last months of payments: 低保 cases in payment in each month and 特困 persons supported in it; all paid but the current month, a few returned.</summary>
    private static async Task SeedPaymentsAsync(CivilAffairsDbContext db, List<DibaoCase> cases, List<ExtremePovertyCase> poverty, DateOnly today, CancellationToken cancellationToken)
    {
        var current = Period.Of(today);
        var first = current.AddMonths(-(PaidMonths - 1));
        var payments = new List<AssistancePayment>();
        foreach (var month in Period.Range(first, current))
        {
            var settled = month == current ? (DateOnly?)null : month.End.AddDays(-10);
            PaymentStatus Status(int id) => settled is null ? PaymentStatus.Pending : id % 97 == 5 ? PaymentStatus.Returned : PaymentStatus.Paid;
            foreach (var c in cases.Where(c => c.ConfirmedOn <= month.End && (c.ExitedOn is null || c.ExitedOn >= month.Start)
                && !(c.State == CaseState.Suspended && c.Transitions[^1].On <= month.Start)))
            {
                payments.Add(new AssistancePayment
                {
                    Program = AssistanceProgram.Dibao, CaseId = c.Id, DivisionCode = c.DivisionCode, Area = c.Area, Period = month.Key, Persons = c.Members,
                    Amount = c.MonthlyBenefit, Status = Status(c.Id), SettledOn = settled, Note = Status(c.Id) == PaymentStatus.Returned ? "银行账户异常" : null,
                });
            }

            foreach (var p in poverty.Where(p => p.StartedOn <= month.End && (p.EndedOn is null || p.EndedOn >= month.Start)))
            {
                payments.Add(new AssistancePayment
                {
                    Program = AssistanceProgram.ExtremePoverty, CaseId = p.Id, DivisionCode = p.DivisionCode, Area = UrbanRural.Rural, Period = month.Key, Persons = 1,
                    Amount = p.MonthlyAmount, Status = settled is null ? PaymentStatus.Pending : PaymentStatus.Paid, SettledOn = settled,
                });
            }
        }

        db.AssistancePayments.AddRange(payments);
        await db.SaveChangesAsync(cancellationToken);
        await AssistanceTotals.RefreshAsync(db, Period.Range(first, current).Select(p => p.Key), cancellationToken);
    }
}
