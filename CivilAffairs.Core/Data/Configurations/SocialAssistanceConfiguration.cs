using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.SocialAssistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(h => h.Address).HasMaxLength(Household.AddressMaxLength);
        builder.HasOne<Division>().WithMany().HasForeignKey(h => h.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Head).WithMany().HasForeignKey(h => h.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.HeadPersonId).IsUnique();
        builder.HasIndex(h => h.DivisionCode);
        builder.Ignore(h => h.PerCapitaIncome);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> builder)
    {
        builder.Property(m => m.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);

        // A person belongs to one assistance household at a time.
        builder.HasIndex(m => m.PersonId).IsUnique();
    }
}

internal sealed class AssistanceStandardConfiguration : IEntityTypeConfiguration<AssistanceStandard>
{
    public void Configure(EntityTypeBuilder<AssistanceStandard> builder)
    {
        builder.Property(s => s.CountyCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasIndex(s => new { s.CountyCode, s.Area, s.EffectiveFrom }).IsUnique();
    }
}

internal sealed class DibaoCaseConfiguration : IEntityTypeConfiguration<DibaoCase>
{
    public void Configure(EntityTypeBuilder<DibaoCase> builder)
    {
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(c => c.CountyReviewedBy).HasMaxLength(50);
        builder.Property(c => c.Reason).HasMaxLength(DibaoCase.ReasonMaxLength);
        builder.HasOne(c => c.Household).WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.DibaoCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DivisionCode, c.State, c.DueOn });
        builder.HasIndex(c => new { c.DivisionCode, c.ConfirmedOn, c.ExitedOn, c.Area, c.Members });
        builder.HasIndex(c => c.HouseholdId);
    }
}

internal sealed class CaseTransitionConfiguration : IEntityTypeConfiguration<CaseTransition>
{
    public void Configure(EntityTypeBuilder<CaseTransition> builder)
    {
        builder.Property(t => t.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(t => t.ByUserName).HasMaxLength(256).IsRequired();
        builder.Property(t => t.ByDisplayName).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Comment).HasMaxLength(DibaoCase.ReasonMaxLength);
        builder.HasIndex(t => new { t.DibaoCaseId, t.At });
    }
}

internal sealed class ExtremePovertyCaseConfiguration : IEntityTypeConfiguration<ExtremePovertyCase>
{
    public void Configure(EntityTypeBuilder<ExtremePovertyCase> builder)
    {
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(c => c.FacilityName).HasMaxLength(ExtremePovertyCase.TextMaxLength);
        builder.Property(c => c.EndReason).HasMaxLength(ExtremePovertyCase.TextMaxLength);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => new { c.DivisionCode, c.Mode, c.StartedOn, c.EndedOn });
        builder.Ignore(c => c.IsActive);
    }
}

internal sealed class AssistancePaymentConfiguration : IEntityTypeConfiguration<AssistancePayment>
{
    public void Configure(EntityTypeBuilder<AssistancePayment> builder)
    {
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(200);

        // One payment per case and month: the batch is idempotent even under a race.
        builder.HasIndex(p => new { p.Program, p.CaseId, p.Period }).IsUnique();
        builder.HasIndex(p => new { p.Period, p.DivisionCode, p.Status });
    }
}

internal sealed class AssistanceMonthlyTotalConfiguration : IEntityTypeConfiguration<AssistanceMonthlyTotal>
{
    public void Configure(EntityTypeBuilder<AssistanceMonthlyTotal> builder)
    {
        builder.HasKey(t => new { t.Period, t.DivisionCode, t.Program });
        builder.Property(t => t.DivisionCode).HasMaxLength(Division.CodeMaxLength);
        builder.HasIndex(t => new { t.DivisionCode, t.Program, t.Period, t.PaidAmount });
    }
}
