using CivilAffairs.Core.Charity;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.SocialOrganizations;

/// <summary>Services of 社会组织 and 慈善事业.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSocialOrganizationsAndCharity(this IServiceCollection services)
    {
        services.AddScoped<SocialOrganizationService>();
        services.AddScoped<RegistrationApplicationService>();
        services.AddScoped<IncubationService>();
        services.AddScoped<Import.OrganizationImportService>();
        services.AddScoped<DonationService>();
        services.AddScoped<GiftPackageService>();
        services.AddScoped<FreeClinicService>();
        services.AddScoped<LotterySalesService>();
        services.AddScoped<Data.Seeding.SocialOrganizationsCharityDemoData>();
        return services;
    }
}
