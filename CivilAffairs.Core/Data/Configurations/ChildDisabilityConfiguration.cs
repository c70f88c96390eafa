using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

// 儿童福利与残疾人福利: children in care, disability subsidies, facilities, rehabilitation, payments.

internal sealed class WelfareStandardConfiguration : IEntityTypeConfiguration<WelfareStandard>
{
    public void Configure(EntityTypeBuilder<WelfareStandard> builder) => builder.HasIndex(s => new { s.Benefit, s.EffectiveFrom }).IsUnique();
}

internal sealed class DisabilitySubsidyConfiguration : IEntityTypeConfiguration<DisabilitySubsidy>
{
    public void Configure(EntityTypeBuilder<DisabilitySubsidy> builder)
    {
        builder.Property(s => s.CertificateNumber).HasMaxLength(DisabilityCertificate.Length).IsRequired();
        builder.Property(s => s.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(DisabilitySubsidy.NoteMaxLength);
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(s => s.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DivisionCode, s.SubsidyType, s.StartOn, s.EndOn });
        builder.HasIndex(s => new { s.PersonId, s.SubsidyType });
    }
}

internal sealed class ChildInCareConfiguration : IEntityTypeConfiguration<ChildInCare>
{
    public void Configure(EntityTypeBuilder<ChildInCare> builder)
    {
        builder.ToTable("ChildrenInCare");
        builder.Property(c => c.GuardianName).HasMaxLength(ChildInCare.NameMaxLength).IsRequired();
        builder.Property(c => c.GuardianRelation).HasMaxLength(20).IsRequired();
        builder.Property(c => c.GuardianPhone).HasMaxLength(ChildInCare.PhoneMaxLength);
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Institution).WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(c => c.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DivisionCode, c.Category, c.StartOn, c.EndOn });
        builder.HasIndex(c => c.PersonId);
    }
}

internal sealed class EducationAidConfiguration : IEntityTypeConfiguration<EducationAid>
{
    public void Configure(EntityTypeBuilder<EducationAid> builder)
    {
        builder.Property(a => a.School).HasMaxLength(EducationAid.SchoolMaxLength).IsRequired();
        builder.Property(a => a.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(a => a.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.Year }).IsUnique();
        builder.HasIndex(a => new { a.DivisionCode, a.Year });
    }
}

internal sealed class WelfareFacilityConfiguration : IEntityTypeConfiguration<WelfareFacility>
{
    public void Configure(EntityTypeBuilder<WelfareFacility> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(WelfareFacility.NameMaxLength).IsRequired();
        builder.Property(f => f.Operator).HasMaxLength(100);
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(f => f.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.HasIndex(f => new { f.DivisionCode, f.Kind, f.Status });
    }
}

internal sealed class RehabActivityConfiguration : IEntityTypeConfiguration<RehabActivity>
{
    public void Configure(EntityTypeBuilder<RehabActivity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(RehabActivity.TitleMaxLength).IsRequired();
        builder.Property(a => a.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(a => a.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DivisionCode, a.HeldOn });
    }
}

internal sealed class EligiblePopulationConfiguration : IEntityTypeConfiguration<EligiblePopulation>
{
    public void Configure(EntityTypeBuilder<EligiblePopulation> builder)
    {
        builder.Property(e => e.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(e => e.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DivisionCode, e.SubsidyType, e.EffectiveFrom }).IsUnique();
    }
}

internal sealed class WelfarePaymentConfiguration : IEntityTypeConfiguration<WelfarePayment>
{
    public void Configure(EntityTypeBuilder<WelfarePayment> builder)
    {
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(p => p.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PersonId, p.Benefit, p.Period }).IsUnique();
        builder.HasIndex(p => new { p.Group, p.Period, p.DivisionCode });
    }
}

internal sealed class WelfareMonthlyTotalConfiguration : IEntityTypeConfiguration<WelfareMonthlyTotal>
{
    public void Configure(EntityTypeBuilder<WelfareMonthlyTotal> builder)
    {
        builder.HasKey(t => new { t.Period, t.DivisionCode, t.Benefit });
        builder.Property(t => t.DivisionCode).HasMaxLength(Division.CodeMaxLength);
        builder.HasIndex(t => new { t.DivisionCode, t.Benefit, t.Period });
    }
}
