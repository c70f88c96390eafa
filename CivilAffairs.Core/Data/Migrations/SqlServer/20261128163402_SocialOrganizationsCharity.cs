using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SocialOrganizationsCharity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Donations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DonorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DonorKind = table.Column<int>(type: "int", nullable: false),
                    DonatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Form = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RecipientKind = table.Column<int>(type: "int", nullable: false),
                    CareFacilityId = table.Column<int>(type: "int", nullable: true),
                    RecipientGroup = table.Column<int>(type: "int", nullable: true),
                    ProgramName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Donations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Donations_CareFacilities_CareFacilityId",
                        column: x => x.CareFacilityId,
                        principalTable: "CareFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Donations_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FreeClinics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Organiser = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Patients = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FreeClinics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FreeClinics_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GiftPackageDistributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    RecipientName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Group = table.Column<int>(type: "int", nullable: false),
                    DistributedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Packages = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GiftPackageDistributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GiftPackageDistributions_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GiftPackageDistributions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncubationBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EstablishedYear = table.Column<int>(type: "int", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubationBases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubationBases_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LotterySales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Period = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Game = table.Column<int>(type: "int", nullable: false),
                    Sales = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    WelfareFund = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LotterySales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LotterySales_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true),
                    Type = table.Column<int>(type: "int", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LegalRepresentative = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SupervisingUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HasPartyOrganization = table.Column<bool>(type: "bit", nullable: false),
                    RegisteredOnline = table.Column<bool>(type: "bit", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialOrganizations_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncubationProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    OrganizationId = table.Column<int>(type: "int", nullable: false),
                    OrganizationType = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Funding = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    QualityAward = table.Column<bool>(type: "bit", nullable: false),
                    BaseId = table.Column<int>(type: "int", nullable: true),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubationProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubationProjects_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncubationProjects_IncubationBases_BaseId",
                        column: x => x.BaseId,
                        principalTable: "IncubationBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncubationProjects_SocialOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "SocialOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OrganizationId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Grade = table.Column<int>(type: "int", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationRatings_SocialOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "SocialOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    Visits = table.Column<int>(type: "int", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysToDecision = table.Column<int>(type: "int", nullable: true),
                    RefusalReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrganizationId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true),
                    OrganizationType = table.Column<int>(type: "int", nullable: false),
                    LegalRepresentative = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    SupervisingUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    HasPartyOrganization = table.Column<bool>(type: "bit", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationApplications_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistrationApplications_SocialOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "SocialOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Donations_CareFacilityId",
                table: "Donations",
                column: "CareFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Donations_DivisionCode_DonatedOn",
                table: "Donations",
                columns: new[] { "DivisionCode", "DonatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FreeClinics_DivisionCode_HeldOn",
                table: "FreeClinics",
                columns: new[] { "DivisionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GiftPackageDistributions_DivisionCode_DistributedOn",
                table: "GiftPackageDistributions",
                columns: new[] { "DivisionCode", "DistributedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GiftPackageDistributions_PersonId",
                table: "GiftPackageDistributions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationBases_DivisionCode",
                table: "IncubationBases",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationBases_Name",
                table: "IncubationBases",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProjects_BaseId",
                table: "IncubationProjects",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProjects_DivisionCode_Year",
                table: "IncubationProjects",
                columns: new[] { "DivisionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IncubationProjects_OrganizationId",
                table: "IncubationProjects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LotterySales_DivisionCode_Period",
                table: "LotterySales",
                columns: new[] { "DivisionCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_LotterySales_Period_DivisionCode_Game",
                table: "LotterySales",
                columns: new[] { "Period", "DivisionCode", "Game" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationRatings_DivisionCode_RatedOn_ValidUntil",
                table: "OrganizationRatings",
                columns: new[] { "DivisionCode", "RatedOn", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationRatings_OrganizationId_Year",
                table: "OrganizationRatings",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationApplications_DivisionCode_Status_DecidedOn",
                table: "RegistrationApplications",
                columns: new[] { "DivisionCode", "Status", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationApplications_OrganizationId",
                table: "RegistrationApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_CreditCode",
                table: "SocialOrganizations",
                column: "CreditCode",
                unique: true,
                filter: "[CreditCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_DivisionCode_Type_Status_RegisteredOn",
                table: "SocialOrganizations",
                columns: new[] { "DivisionCode", "Type", "Status", "RegisteredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Donations");

            migrationBuilder.DropTable(
                name: "FreeClinics");

            migrationBuilder.DropTable(
                name: "GiftPackageDistributions");

            migrationBuilder.DropTable(
                name: "IncubationProjects");

            migrationBuilder.DropTable(
                name: "LotterySales");

            migrationBuilder.DropTable(
                name: "OrganizationRatings");

            migrationBuilder.DropTable(
                name: "RegistrationApplications");

            migrationBuilder.DropTable(
                name: "IncubationBases");

            migrationBuilder.DropTable(
                name: "SocialOrganizations");
        }
    }
}
