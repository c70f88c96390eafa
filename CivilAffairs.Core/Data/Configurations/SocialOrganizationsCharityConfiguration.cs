using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.SocialOrganizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

// 社会组织 and 慈善事业.

internal sealed class SocialOrganizationConfiguration : IEntityTypeConfiguration<SocialOrganization>
{
    public void Configure(EntityTypeBuilder<SocialOrganization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(SocialOrganization.NameMaxLength).IsRequired();
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength(false);
        builder.Property(o => o.LegalRepresentative).HasMaxLength(SocialOrganization.PersonMaxLength).IsRequired();
        builder.Property(o => o.SupervisingUnit).HasMaxLength(SocialOrganization.UnitMaxLength);
        builder.Property(o => o.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(o => o.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => new { o.DivisionCode, o.Type, o.Status, o.RegisteredOn });
    }
}

internal sealed class OrganizationRatingConfiguration : IEntityTypeConfiguration<OrganizationRating>
{
    public void Configure(EntityTypeBuilder<OrganizationRating> builder)
    {
        builder.Property(r => r.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(r => r.Organization).WithMany(o => o.Ratings).HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.HasIndex(r => new { r.DivisionCode, r.RatedOn, r.ValidUntil });
    }
}

internal sealed class RegistrationApplicationConfiguration : IEntityTypeConfiguration<RegistrationApplication>
{
    public void Configure(EntityTypeBuilder<RegistrationApplication> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(SocialOrganization.NameMaxLength).IsRequired();
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.LegalRepresentative).HasMaxLength(SocialOrganization.PersonMaxLength).IsRequired();
        builder.Property(a => a.SupervisingUnit).HasMaxLength(SocialOrganization.UnitMaxLength);
        builder.Property(a => a.RefusalReason).HasMaxLength(RegistrationApplication.ReasonMaxLength);
        builder.Property(a => a.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(a => a.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DivisionCode, a.Status, a.DecidedOn });
    }
}

internal sealed class IncubationBaseConfiguration : IEntityTypeConfiguration<IncubationBase>
{
    public void Configure(EntityTypeBuilder<IncubationBase> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(IncubationBase.NameMaxLength).IsRequired();
        builder.Property(b => b.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(b => b.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.Name).IsUnique();
    }
}

internal sealed class IncubationProjectConfiguration : IEntityTypeConfiguration<IncubationProject>
{
    public void Configure(EntityTypeBuilder<IncubationProject> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(IncubationProject.NameMaxLength).IsRequired();
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Base).WithMany().HasForeignKey(p => p.BaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(p => p.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.DivisionCode, p.Year });
    }
}

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> builder)
    {
        builder.Property(d => d.DonorName).HasMaxLength(Donation.NameMaxLength).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(Donation.DescriptionMaxLength);
        builder.Property(d => d.ProgramName).HasMaxLength(Donation.NameMaxLength);
        builder.Property(d => d.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(d => d.CareFacility).WithMany().HasForeignKey(d => d.CareFacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(d => d.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.DivisionCode, d.DonatedOn });
    }
}

internal sealed class GiftPackageDistributionConfiguration : IEntityTypeConfiguration<GiftPackageDistribution>
{
    public void Configure(EntityTypeBuilder<GiftPackageDistribution> builder)
    {
        builder.Property(g => g.RecipientName).HasMaxLength(People.Person.NameMaxLength).IsRequired();
        builder.Property(g => g.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(g => g.Person).WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Division>().WithMany().HasForeignKey(g => g.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.DivisionCode, g.DistributedOn });
    }
}

internal sealed class FreeClinicConfiguration : IEntityTypeConfiguration<FreeClinic>
{
    public void Configure(EntityTypeBuilder<FreeClinic> builder)
    {
        builder.Property(c => c.Organiser).HasMaxLength(FreeClinic.NameMaxLength).IsRequired();
        builder.Property(c => c.Place).HasMaxLength(FreeClinic.NameMaxLength).IsRequired();
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(c => c.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DivisionCode, c.HeldOn });
    }
}

internal sealed class LotterySalesConfiguration : IEntityTypeConfiguration<LotterySales>
{
    public void Configure(EntityTypeBuilder<LotterySales> builder)
    {
        builder.ToTable("LotterySales");
        builder.Property(l => l.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(l => l.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.Period, l.DivisionCode, l.Game }).IsUnique();
        builder.HasIndex(l => new { l.DivisionCode, l.Period });
    }
}
