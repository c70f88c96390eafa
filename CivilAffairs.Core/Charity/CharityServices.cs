using System.Linq.Expressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialOrganizations;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Charity;

public sealed record DonationRow(
    int Id, DateOnly DonatedOn, string DonorName, DonorKind DonorKind, DonationForm Form, decimal Value, string? Description,
    RecipientKind RecipientKind, string Recipient, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class DonationRecordForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string DonorName { get; set; } = string.Empty;
    public DonorKind DonorKind { get; set; } = DonorKind.Enterprise;
    public DateOnly DonatedOn { get; set; }
    public DonationForm Form { get; set; } = DonationForm.Goods;
    public decimal Value { get; set; }
    public string? Description { get; set; }
    public RecipientKind RecipientKind { get; set; } = RecipientKind.CareFacility;
    public int? CareFacilityId { get; set; }
    public RecipientGroup? RecipientGroup { get; set; }
    public string? ProgramName { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
}

/// <summary>慈善捐赠. A donation to a care facility takes the facility's division. <see cref="LineFilter.Kind"/>: a <see cref="RecipientKind"/> name.</summary>
public sealed class DonationService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<Donation>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<Donation, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<Donation, object?>>>
        {
            [nameof(DonationRow.DonatedOn)] = d => d.DonatedOn,
            [nameof(DonationRow.DonorName)] = d => d.DonorName,
            [nameof(DonationRow.Value)] = d => d.Value,
            [nameof(DonationRow.DivisionName)] = d => d.DivisionCode,
        };

    public Task<PagedResult<DonationRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<DonationRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<DonationRecordForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Donations.AsNoTracking().Where(d => d.Id == id).Select(d => new DonationRecordForm
        {
            Id = d.Id, Version = d.Version, DonorName = d.DonorName, DonorKind = d.DonorKind, DonatedOn = d.DonatedOn, Form = d.Form, Value = d.Value,
            Description = d.Description, RecipientKind = d.RecipientKind, CareFacilityId = d.CareFacilityId, RecipientGroup = d.RecipientGroup,
            ProgramName = d.ProgramName, DivisionCode = d.DivisionCode,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Care facilities in scope for the recipient picker, by name; institutions (养老机构) first.</summary>
    public async Task<IReadOnlyList<LookupOption>> SearchFacilitiesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        var query = db.CareFacilities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(f => f.Name.Contains(t));
        }

        return await query
            .OrderBy(f => f.Kind == ElderlyCare.FacilityKind.MealServicePoint || f.Kind == ElderlyCare.FacilityKind.CommunityDayCareCenter || f.Kind == ElderlyCare.FacilityKind.RuralHappinessCourtyard)
            .ThenBy(f => f.Name).Take(20).Select(f => new LookupOption(f.Id, f.Name)).ToListAsync(cancellationToken);
    }

    public async Task<string?> FacilityNameAsync(int? id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return id is null ? null : await db.CareFacilities.Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(DonationRecordForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new Donation(), async (db, d) =>
        {
            var division = form.DivisionCode;
            if (form.RecipientKind == RecipientKind.CareFacility)
            {
                division = await db.CareFacilities.Where(f => f.Id == form.CareFacilityId).Select(f => f.DivisionCode).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("请选择受赠的养老机构（须在您的管辖范围内）。");
            }

            RequireDivision(db, division);
            (d.DonorName, d.DonorKind, d.DonatedOn, d.Form, d.Value) = ((form.DonorName ?? string.Empty).Trim(), form.DonorKind, form.DonatedOn, form.Form, form.Value);
            d.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
            d.RecipientKind = form.RecipientKind;
            d.CareFacilityId = form.RecipientKind == RecipientKind.CareFacility ? form.CareFacilityId : null;
            d.RecipientGroup = form.RecipientKind == RecipientKind.Group ? form.RecipientGroup : null;
            d.ProgramName = form.RecipientKind == RecipientKind.Program ? form.ProgramName?.Trim() : null;
            d.DivisionCode = division;
            d.Validate(clock.Today());
        }, cancellationToken);

    private static IQueryable<Donation> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.Donations, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(d => d.DonorName.Contains(text) || (d.Description != null && d.Description.Contains(text)) || (d.CareFacility != null && d.CareFacility.Name.Contains(text)));
        }

        if (filter.KindAs<RecipientKind>() is { } kind)
        {
            query = query.Where(d => d.RecipientKind == kind);
        }

        if (filter.From is { } from)
        {
            query = query.Where(d => d.DonatedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(d => d.DonatedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<Donation, DonationRow>> ToRow = d => new DonationRow(
        d.Id, d.DonatedOn, d.DonorName, d.DonorKind, d.Form, d.Value, d.Description, d.RecipientKind,
        d.CareFacility != null ? d.CareFacility.Name
            : d.RecipientGroup == RecipientGroup.ChildrenInDifficulty ? "困境儿童"
            : d.RecipientGroup == RecipientGroup.ElderlyInDifficulty ? "60岁以上特殊困难老人"
            : d.RecipientGroup == RecipientGroup.PersonsWithDisabilities ? "残疾人"
            : d.RecipientGroup == RecipientGroup.LowIncome ? "低保、特困等困难群众"
            : d.ProgramName ?? string.Empty,
        d.DivisionCode);
}

public sealed record GiftRow(int Id, DateOnly DistributedOn, string RecipientName, RecipientGroup Group, int Packages, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class GiftForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int PersonId { get; set; }
    public string RecipientName { get; set; } = string.Empty;
    public RecipientGroup Group { get; set; } = RecipientGroup.ChildrenInDifficulty;
    public DateOnly DistributedOn { get; set; }
    public int Packages { get; set; } = 1;
}

/// <summary>慈善礼包发放 to registered persons; the record takes the person's division. Kind: a <see cref="RecipientGroup"/> name.</summary>
public sealed class GiftPackageService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<GiftPackageDistribution>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<GiftPackageDistribution, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<GiftPackageDistribution, object?>>>
        {
            [nameof(GiftRow.DistributedOn)] = g => g.DistributedOn,
            [nameof(GiftRow.RecipientName)] = g => g.RecipientName,
            [nameof(GiftRow.Packages)] = g => g.Packages,
            [nameof(GiftRow.DivisionName)] = g => g.DivisionCode,
        };

    public Task<PagedResult<GiftRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<GiftRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<GiftForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.GiftPackageDistributions.AsNoTracking().Where(g => g.Id == id).Select(g => new GiftForm
        {
            Id = g.Id, Version = g.Version, PersonId = g.PersonId, RecipientName = g.RecipientName, Group = g.Group, DistributedOn = g.DistributedOn, Packages = g.Packages,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(GiftForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new GiftPackageDistribution(), async (db, g) =>
        {
            var person = await db.People.Where(p => p.Id == form.PersonId).Select(p => new { p.Id, p.Name, p.BirthDate, p.DivisionCode, p.DateOfDeath }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("请选择领取礼包的登记人员（须在您的管辖范围内）。");
            if (person.DateOfDeath is { } died && died <= form.DistributedOn)
            {
                throw new DomainException($"“{person.Name}”已于 {died:yyyy-MM-dd} 死亡，不能发放礼包。");
            }

            (g.PersonId, g.RecipientName, g.DivisionCode) = (person.Id, person.Name, person.DivisionCode);
            (g.Group, g.DistributedOn, g.Packages) = (form.Group, form.DistributedOn, form.Packages);
            g.Validate(clock.Today(), person.BirthDate);
        }, cancellationToken);

    private static IQueryable<GiftPackageDistribution> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.GiftPackageDistributions, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(g => g.RecipientName.Contains(text));
        }

        if (filter.KindAs<RecipientGroup>() is { } group)
        {
            query = query.Where(g => g.Group == group);
        }

        if (filter.From is { } from)
        {
            query = query.Where(g => g.DistributedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(g => g.DistributedOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<GiftPackageDistribution, GiftRow>> ToRow = g => new GiftRow(g.Id, g.DistributedOn, g.RecipientName, g.Group, g.Packages, g.DivisionCode);
}

public sealed record ClinicRow(int Id, DateOnly HeldOn, string Organiser, string Place, int Patients, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);
}

public sealed class ClinicForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string Organiser { get; set; } = string.Empty;
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = string.Empty;
    public int Patients { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
}

/// <summary>义诊 sessions.</summary>
public sealed class FreeClinicService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<FreeClinic>(factory)
{
    /// <summary>The medical societies that hold most clinics, offered in the form.</summary>
    public static IReadOnlyList<string> KnownOrganisers { get; } = ["博州蒙医药学会", "博州医学会", "博州中医药学会"];

    protected override IReadOnlyDictionary<string, Expression<Func<FreeClinic, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<FreeClinic, object?>>>
        {
            [nameof(ClinicRow.HeldOn)] = c => c.HeldOn,
            [nameof(ClinicRow.Organiser)] = c => c.Organiser,
            [nameof(ClinicRow.Patients)] = c => c.Patients,
            [nameof(ClinicRow.DivisionName)] = c => c.DivisionCode,
        };

    public Task<PagedResult<ClinicRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<ClinicRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<ClinicForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.FreeClinics.AsNoTracking().Where(c => c.Id == id).Select(c => new ClinicForm
        {
            Id = c.Id, Version = c.Version, Organiser = c.Organiser, HeldOn = c.HeldOn, Place = c.Place, Patients = c.Patients, DivisionCode = c.DivisionCode,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<int> SaveAsync(ClinicForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new FreeClinic(), (db, c) =>
        {
            RequireDivision(db, form.DivisionCode);
            (c.Organiser, c.HeldOn, c.Place, c.Patients, c.DivisionCode) = ((form.Organiser ?? string.Empty).Trim(), form.HeldOn, (form.Place ?? string.Empty).Trim(), form.Patients, form.DivisionCode);
            c.Validate(clock.Today());
            return Task.CompletedTask;
        }, cancellationToken);

    private static IQueryable<FreeClinic> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.FreeClinics, filter.DivisionCode);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(c => c.Organiser.Contains(text) || c.Place.Contains(text));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.HeldOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.HeldOn <= to);
        }

        return query;
    }

    private static readonly Expression<Func<FreeClinic, ClinicRow>> ToRow = c => new ClinicRow(c.Id, c.HeldOn, c.Organiser, c.Place, c.Patients, c.DivisionCode);
}

public sealed record LotteryRow(int Id, int Period, LotteryGame Game, decimal Sales, decimal WelfareFund, string DivisionCode)
{
    public string DivisionName => DivisionCatalog.NameOf(DivisionCode);

    public string PeriodName => Common.Period.FromKey(Period).ToString();
}

public sealed class LotteryForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public int Period { get; set; }
    public LotteryGame Game { get; set; } = LotteryGame.DoubleColorBall;
    public decimal Sales { get; set; }
    public decimal WelfareFund { get; set; }
    public string DivisionCode { get; set; } = string.Empty;
}

/// <summary>福利彩票销售: one row per month, county and game. Kind: a <see cref="LotteryGame"/> name; From/To bound the month.</summary>
public sealed class LotterySalesService(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock) : RecordService<LotterySales>(factory)
{
    protected override IReadOnlyDictionary<string, Expression<Func<LotterySales, object?>>> SortColumns { get; } =
        new Dictionary<string, Expression<Func<LotterySales, object?>>>
        {
            [nameof(LotteryRow.PeriodName)] = l => l.Period,
            [nameof(LotteryRow.Sales)] = l => l.Sales,
            [nameof(LotteryRow.WelfareFund)] = l => l.WelfareFund,
            [nameof(LotteryRow.DivisionName)] = l => l.DivisionCode,
        };

    public Task<PagedResult<LotteryRow>> ListAsync(LineFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(db => Filter(db, filter), page, ToRow, cancellationToken);

    public IAsyncEnumerable<LotteryRow> ExportAsync(LineFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken = default) =>
        StreamAsync(db => Filter(db, filter), sortBy, descending, ToRow, cancellationToken);

    public async Task<LotteryForm?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = Factory.CreateDbContext();
        return await db.LotterySales.AsNoTracking().Where(l => l.Id == id).Select(l => new LotteryForm
        {
            Id = l.Id, Version = l.Version, Period = l.Period, Game = l.Game, Sales = l.Sales, WelfareFund = l.WelfareFund, DivisionCode = l.DivisionCode,
        }).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Sales are reported by county (县市): the division must be one, and each month/county/game only once.</summary>
    public Task<int> SaveAsync(LotteryForm form, CancellationToken cancellationToken = default) =>
        SaveAsync(form.Id, form.Version, () => new LotterySales(), async (db, l) =>
        {
            RequireDivision(db, form.DivisionCode);
            if (DivisionCatalog.Find(form.DivisionCode) is not { Level: DivisionLevel.County })
            {
                throw new DomainException("福利彩票销售按县市填报，请选择县（市）。");
            }

            if (form.Period < 200001 || form.Period % 100 is < 1 or > 12)
            {
                throw new DomainException("请选择销售月份。");
            }

            if (await db.LotterySales.IgnoreQueryFilters().AnyAsync(x => x.Period == form.Period && x.DivisionCode == form.DivisionCode && x.Game == form.Game && x.Id != form.Id, cancellationToken))
            {
                throw new DomainException($"{DivisionCatalog.NameOf(form.DivisionCode)} {Common.Period.FromKey(form.Period)}“{form.Game.ChineseName()}”的销售数据已录入，请修改原记录。");
            }

            (l.Period, l.Game, l.Sales, l.WelfareFund, l.DivisionCode) = (form.Period, form.Game, form.Sales, form.WelfareFund, form.DivisionCode);
            l.Validate(clock.Today());
        }, cancellationToken);

    private static IQueryable<LotterySales> Filter(CivilAffairsDbContext db, LineFilter filter)
    {
        var query = InDivision(db.LotterySales, filter.DivisionCode);
        if (filter.KindAs<LotteryGame>() is { } game)
        {
            query = query.Where(l => l.Game == game);
        }

        if (filter.From is { } from)
        {
            var key = Common.Period.Of(from).Key;
            query = query.Where(l => l.Period >= key);
        }

        if (filter.To is { } to)
        {
            var key = Common.Period.Of(to).Key;
            query = query.Where(l => l.Period <= key);
        }

        return query;
    }

    private static readonly Expression<Func<LotterySales, LotteryRow>> ToRow = l => new LotteryRow(l.Id, l.Period, l.Game, l.Sales, l.WelfareFund, l.DivisionCode);
}
