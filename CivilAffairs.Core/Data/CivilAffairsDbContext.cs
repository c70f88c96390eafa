using System.Reflection;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data;

/// <summary>
/// The one model of the portal. Each provider has a subclass (<see cref="SqliteCivilAffairsDbContext"/>,
/// <see cref="SqlServerCivilAffairsDbContext"/>) only so that each keeps its own migrations.
/// Records that belong to a division are filtered by the current user's scope in every query.
/// </summary>
public abstract class CivilAffairsDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly ICurrentUser _currentUser;

    protected CivilAffairsDbContext(DbContextOptions options, ICurrentUser currentUser)
        : base(options)
    {
        _currentUser = currentUser;
    }

    public UserContext CurrentUser => _currentUser.User;

    /// <summary>Read by the scope query filter; EF evaluates it per query, per context instance.</summary>
    private string ScopePrefix => _currentUser.User.Scope.Prefix;

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CareFacility> CareFacilities => Set<CareFacility>();

    public DbSet<ElderlyPerson> ElderlyPersons => Set<ElderlyPerson>();

    public DbSet<HighAgeAllowanceStandard> HighAgeAllowanceStandards => Set<HighAgeAllowanceStandard>();

    public DbSet<HighAgeAllowancePayment> HighAgeAllowancePayments => Set<HighAgeAllowancePayment>();

    public DbSet<OpeningBalance> OpeningBalances => Set<OpeningBalance>();

    public DbSet<AllowanceMonthlyTotal> AllowanceMonthlyTotals => Set<AllowanceMonthlyTotal>();

    public DbSet<CareVisit> CareVisits => Set<CareVisit>();

    public DbSet<HomeAdaptation> HomeAdaptations => Set<HomeAdaptation>();

    public DbSet<CaregiverTraining> CaregiverTrainings => Set<CaregiverTraining>();

    // Social assistance (社会救助)
    public DbSet<SocialAssistance.Household> Households => Set<SocialAssistance.Household>();

    public DbSet<SocialAssistance.HouseholdMember> HouseholdMembers => Set<SocialAssistance.HouseholdMember>();

    public DbSet<SocialAssistance.AssistanceStandard> AssistanceStandards => Set<SocialAssistance.AssistanceStandard>();

    public DbSet<SocialAssistance.DibaoCase> DibaoCases => Set<SocialAssistance.DibaoCase>();

    public DbSet<SocialAssistance.CaseTransition> CaseTransitions => Set<SocialAssistance.CaseTransition>();

    public DbSet<SocialAssistance.ExtremePovertyCase> ExtremePovertyCases => Set<SocialAssistance.ExtremePovertyCase>();

    public DbSet<SocialAssistance.AssistancePayment> AssistancePayments => Set<SocialAssistance.AssistancePayment>();

    public DbSet<SocialAssistance.AssistanceMonthlyTotal> AssistanceMonthlyTotals => Set<SocialAssistance.AssistanceMonthlyTotal>();
    // 社会救助 support programmes (临时救助, 安心助养, 主动发现, 近亲属备案).
    public DbSet<SocialAssistance.AssistancePoint> AssistancePoints => Set<SocialAssistance.AssistancePoint>();

    public DbSet<SocialAssistance.AssistanceTier> AssistanceTiers => Set<SocialAssistance.AssistanceTier>();

    public DbSet<SocialAssistance.TemporaryAssistance> TemporaryAssistances => Set<SocialAssistance.TemporaryAssistance>();

    public DbSet<SocialAssistance.CareSubsidyStandard> CareSubsidyStandards => Set<SocialAssistance.CareSubsidyStandard>();

    public DbSet<SocialAssistance.CareSubsidyFamily> CareSubsidyFamilies => Set<SocialAssistance.CareSubsidyFamily>();

    public DbSet<SocialAssistance.CareSubsidyPayment> CareSubsidyPayments => Set<SocialAssistance.CareSubsidyPayment>();

    public DbSet<SocialAssistance.DiscoveryLead> DiscoveryLeads => Set<SocialAssistance.DiscoveryLead>();

    public DbSet<SocialAssistance.AssistanceWorker> AssistanceWorkers => Set<SocialAssistance.AssistanceWorker>();

    public DbSet<SocialAssistance.RelativeFiling> RelativeFilings => Set<SocialAssistance.RelativeFiling>();

    public DbSet<SocialAssistance.ZeroReport> ZeroReports => Set<SocialAssistance.ZeroReport>();

    // 社会组织 and 慈善事业 (social organisations, charity).
    public DbSet<SocialOrganizations.SocialOrganization> SocialOrganizations => Set<SocialOrganizations.SocialOrganization>();

    public DbSet<SocialOrganizations.OrganizationRating> OrganizationRatings => Set<SocialOrganizations.OrganizationRating>();

    public DbSet<SocialOrganizations.RegistrationApplication> RegistrationApplications => Set<SocialOrganizations.RegistrationApplication>();

    public DbSet<SocialOrganizations.IncubationBase> IncubationBases => Set<SocialOrganizations.IncubationBase>();

    public DbSet<SocialOrganizations.IncubationProject> IncubationProjects => Set<SocialOrganizations.IncubationProject>();

    public DbSet<Charity.Donation> Donations => Set<Charity.Donation>();

    public DbSet<Charity.GiftPackageDistribution> GiftPackageDistributions => Set<Charity.GiftPackageDistribution>();

    public DbSet<Charity.FreeClinic> FreeClinics => Set<Charity.FreeClinic>();

    public DbSet<Charity.LotterySales> LotterySales => Set<Charity.LotterySales>();
    // 社会事务 (婚姻登记, 殡葬, 身后一件事, 地名).
    public DbSet<SocialAffairs.DeathCase> DeathCases => Set<SocialAffairs.DeathCase>();

    public DbSet<SocialAffairs.MarriageOffice> MarriageOffices => Set<SocialAffairs.MarriageOffice>();

    public DbSet<SocialAffairs.MarriageMonthlyFigure> MarriageMonthlyFigures => Set<SocialAffairs.MarriageMonthlyFigure>();

    public DbSet<SocialAffairs.CollectiveWedding> CollectiveWeddings => Set<SocialAffairs.CollectiveWedding>();

    public DbSet<SocialAffairs.BurialFacility> BurialFacilities => Set<SocialAffairs.BurialFacility>();

    public DbSet<SocialAffairs.PlaceName> PlaceNames => Set<SocialAffairs.PlaceName>();

    public DbSet<SocialAffairs.PlaceNameExpert> PlaceNameExperts => Set<SocialAffairs.PlaceNameExpert>();
    // 儿童福利与残疾人福利 (children in care, disability subsidies, facilities, rehabilitation).
    public DbSet<ChildDisability.WelfareStandard> WelfareStandards => Set<ChildDisability.WelfareStandard>();

    public DbSet<ChildDisability.DisabilitySubsidy> DisabilitySubsidies => Set<ChildDisability.DisabilitySubsidy>();

    public DbSet<ChildDisability.ChildInCare> ChildrenInCare => Set<ChildDisability.ChildInCare>();

    public DbSet<ChildDisability.EducationAid> EducationAids => Set<ChildDisability.EducationAid>();

    public DbSet<ChildDisability.WelfareFacility> WelfareFacilities => Set<ChildDisability.WelfareFacility>();

    public DbSet<ChildDisability.RehabActivity> RehabActivities => Set<ChildDisability.RehabActivity>();

    public DbSet<ChildDisability.EligiblePopulation> EligiblePopulations => Set<ChildDisability.EligiblePopulation>();

    public DbSet<ChildDisability.WelfarePayment> WelfarePayments => Set<ChildDisability.WelfarePayment>();

    public DbSet<ChildDisability.WelfareMonthlyTotal> WelfareMonthlyTotals => Set<ChildDisability.WelfareMonthlyTotal>();

    public DbSet<Reporting.ReportSubmission> ReportSubmissions => Set<Reporting.ReportSubmission>();

    public DbSet<Common.OfficialCalendarDay> OfficialCalendarDays => Set<Common.OfficialCalendarDay>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CareFacilityStatusChange> CareFacilityStatusChanges => Set<CareFacilityStatusChange>();

    /// <summary>The audit rows and transaction of the save in progress (see <see cref="AuditingInterceptor"/>).</summary>
    internal AuditingInterceptor.PendingAudit? PendingAudit { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RequireAcceptAllChanges(acceptAllChangesOnSuccess);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.All(e => e.Entity is Entity))
        {
            throw new ConcurrencyConflictException(ex);
        }
        finally
        {
            AbandonPendingAudit();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RequireAcceptAllChanges(acceptAllChangesOnSuccess);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.All(e => e.Entity is Entity))
        {
            throw new ConcurrencyConflictException(ex);
        }
        finally
        {
            AbandonPendingAudit();
        }
    }

    /// <summary>
    /// Ends an unfinished audit after any failed, conflicting or cancelled save: its own transaction
    /// is rolled back (disposed uncommitted) so the change and its audit rows go together. A save
    /// nested inside the audit write leaves the outer one alone.
    /// </summary>
    internal void AbandonPendingAudit()
    {
        if (PendingAudit is { Writing: false } pending)
        {
            pending.OwnedTransaction?.Dispose();
            PendingAudit = null;
        }
    }

    // The audit write saves whatever is still tracked; with changes left unaccepted it would send them twice.
    private static void RequireAcceptAllChanges(bool accept)
    {
        if (!accept)
        {
            throw new NotSupportedException("Saving without accepting changes is not supported: the audit trail saves after the change.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CivilAffairsDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(Entity).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                builder.Entity(clr).Property(nameof(Entity.Version)).IsConcurrencyToken();
            }

            if (typeof(IDivisionScoped).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                ApplyScopeFilterMethod.MakeGenericMethod(clr).Invoke(this, [builder]);
            }
        }
    }

    private static readonly MethodInfo ApplyScopeFilterMethod =
        typeof(CivilAffairsDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyScopeFilter<T>(ModelBuilder builder)
        where T : class, IDivisionScoped =>
        builder.Entity<T>().HasQueryFilter(e => e.DivisionCode.StartsWith(ScopePrefix));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }
}

/// <summary>The embedded default: a SQLite file under the data folder.</summary>
public sealed class SqliteCivilAffairsDbContext(DbContextOptions<SqliteCivilAffairsDbContext> options, ICurrentUser currentUser)
    : CivilAffairsDbContext(options, currentUser)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no DateTimeOffset type; stored as ticks, audit times sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production: SQL Server, selected with <c>Database:Provider = SqlServer</c>.</summary>
public sealed class SqlServerCivilAffairsDbContext(DbContextOptions<SqlServerCivilAffairsDbContext> options, ICurrentUser currentUser)
    : CivilAffairsDbContext(options, currentUser);
