using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.SocialAffairs;

/// <summary>Status text of a payment on the recovery list.</summary>
internal static class RecoveryStatus
{
    public static string Of(PaymentStatus status) => status == PaymentStatus.Paid ? "已发放" : "待发放";
}

/// <summary>高龄津贴 paid or pending for a month after the month of death (returned payments need no recovery).</summary>
public sealed class HighAgeAllowanceAfterDeathSource : IPaymentsAfterDeathSource
{
    public Security.ServiceLine Line => Security.ServiceLine.ElderlyCare;

    public const string Program = "高龄津贴";

    public async Task<IReadOnlyList<PaymentAfterDeath>> FindAsync(CivilAffairsDbContext db, int? personId, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.HighAgeAllowancePayments.AsNoTracking()
                          join person in db.People on p.PersonId equals person.Id
                          where person.DateOfDeath != null && p.Status != PaymentStatus.Returned
                                && p.Period > (person.DateOfDeath.Value.Year * 100) + person.DateOfDeath.Value.Month
                                && (personId == null || p.PersonId == personId)
                          select new { p.PersonId, person.Name, p.DivisionCode, Death = person.DateOfDeath!.Value, p.Period, p.Amount, p.Status })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new PaymentAfterDeath(Program, r.PersonId, r.Name, r.DivisionCode, r.Death, r.Period, r.Amount, RecoveryStatus.Of(r.Status)));
    }
}

/// <summary>
/// 特困 (per person), 低保 (per household: a member's share of a payment that still counted them after their death)
/// and 安心助养 (for the dependant cared for) paid for months after a death.
/// </summary>
public sealed class AssistanceAfterDeathSource : IPaymentsAfterDeathSource
{
    public Security.ServiceLine Line => Security.ServiceLine.SocialAssistance;

    public const string Dibao = "低保";
    public const string ExtremePoverty = "特困供养";
    public const string CareSubsidy = "安心助养";

    public async Task<IReadOnlyList<PaymentAfterDeath>> FindAsync(CivilAffairsDbContext db, int? personId, CancellationToken cancellationToken)
    {
        var result = new List<PaymentAfterDeath>();

        var poverty = await (from p in db.AssistancePayments.AsNoTracking()
                             join c in db.ExtremePovertyCases on p.CaseId equals c.Id
                             join person in db.People on c.PersonId equals person.Id
                             where p.Program == AssistanceProgram.ExtremePoverty && person.DateOfDeath != null && p.Status != PaymentStatus.Returned
                                   && p.Period > (person.DateOfDeath.Value.Year * 100) + person.DateOfDeath.Value.Month
                                   && (personId == null || person.Id == personId)
                             select new { person.Id, person.Name, p.DivisionCode, Death = person.DateOfDeath!.Value, p.Period, p.Amount, p.Status })
            .ToListAsync(cancellationToken);
        result.AddRange(poverty.Select(r => new PaymentAfterDeath(ExtremePoverty, r.Id, r.Name, r.DivisionCode, r.Death, r.Period, r.Amount, RecoveryStatus.Of(r.Status))));

        // 低保: payments of households with a member who died before the month paid for.
        var dibao = await (from p in db.AssistancePayments.AsNoTracking()
                           join c in db.DibaoCases on p.CaseId equals c.Id
                           where p.Program == AssistanceProgram.Dibao && p.Status != PaymentStatus.Returned
                                 && db.HouseholdMembers.Any(m => m.HouseholdId == c.HouseholdId && m.Person!.DateOfDeath != null
                                     && p.Period > (m.Person.DateOfDeath.Value.Year * 100) + m.Person.DateOfDeath.Value.Month
                                     && (personId == null || m.PersonId == personId))
                           select new { p.Period, p.Amount, p.Persons, p.Status, p.DivisionCode, c.HouseholdId })
            .ToListAsync(cancellationToken);
        if (dibao.Count > 0)
        {
            var households = dibao.Select(d => d.HouseholdId).Distinct().ToList();
            var members = await db.HouseholdMembers.AsNoTracking().Where(m => households.Contains(m.HouseholdId))
                .Select(m => new { m.HouseholdId, m.PersonId, m.Person!.Name, m.Person.DateOfDeath }).ToListAsync(cancellationToken);
            foreach (var payment in dibao)
            {
                var start = Period.FromKey(payment.Period).Start;
                var of = members.Where(m => m.HouseholdId == payment.HouseholdId).ToList();
                var alive = of.Count(m => m.DateOfDeath is null || m.DateOfDeath >= start);
                var overCounted = payment.Persons - alive;
                var share = payment.Persons > 0 ? Math.Round(payment.Amount / payment.Persons, 2, MidpointRounding.AwayFromZero) : payment.Amount;
                foreach (var dead in of.Where(m => m.DateOfDeath < start).OrderBy(m => m.DateOfDeath).ThenBy(m => m.PersonId).Take(Math.Max(0, overCounted)))
                {
                    if (personId is null || dead.PersonId == personId)
                    {
                        result.Add(new PaymentAfterDeath(Dibao, dead.PersonId, dead.Name, payment.DivisionCode, dead.DateOfDeath!.Value, payment.Period, share, RecoveryStatus.Of(payment.Status)));
                    }
                }
            }
        }

        var subsidy = await (from p in db.CareSubsidyPayments.AsNoTracking()
                             join f in db.CareSubsidyFamilies on p.FamilyId equals f.Id
                             join person in db.People on f.DependantPersonId equals person.Id
                             where person.DateOfDeath != null && p.Status != SubsidyPaymentStatus.Returned
                                   && p.Period > (person.DateOfDeath.Value.Year * 100) + person.DateOfDeath.Value.Month
                                   && (personId == null || person.Id == personId)
                             select new { person.Id, person.Name, p.DivisionCode, Death = person.DateOfDeath!.Value, p.Period, p.Amount, p.Status })
            .ToListAsync(cancellationToken);
        result.AddRange(subsidy.Select(r => new PaymentAfterDeath(CareSubsidy, r.Id, r.Name, r.DivisionCode, r.Death, r.Period, r.Amount,
            r.Status == SubsidyPaymentStatus.Paid ? "已发放" : "待发放")));
        return result;
    }
}
