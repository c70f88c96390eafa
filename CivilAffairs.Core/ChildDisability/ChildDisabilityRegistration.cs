using CivilAffairs.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Core.ChildDisability;

/// <summary>Services of 儿童福利与残疾人福利 (children in care, the disability subsidies, facilities, rehabilitation).</summary>
public static class ChildDisabilityRegistration
{
    public static IServiceCollection AddChildDisability(this IServiceCollection services)
    {
        services.AddScoped<DisabilitySubsidyService>();
        services.AddScoped<ChildInCareService>();
        services.AddScoped<EducationAidService>();
        services.AddScoped<WelfareFacilityService>();
        services.AddScoped<RehabActivityService>();
        services.AddScoped<EligiblePopulationService>();
        services.AddScoped<WelfareBatchService>();
        services.AddScoped<IPaymentsAfterDeathSource, WelfarePaymentsAfterDeath>();
        services.AddScoped<Data.Seeding.ChildDisabilityDemoData>();
        return services;
    }
}
