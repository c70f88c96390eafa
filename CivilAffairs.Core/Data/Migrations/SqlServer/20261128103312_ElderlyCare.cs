using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ElderlyCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareFacilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    OperationMode = table.Column<int>(type: "int", nullable: false),
                    Operator = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TotalBeds = table.Column<int>(type: "int", nullable: false),
                    NursingBeds = table.Column<int>(type: "int", nullable: false),
                    OccupiedBeds = table.Column<int>(type: "int", nullable: false),
                    HasMedicalService = table.Column<bool>(type: "bit", nullable: false),
                    Investment = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    InvestmentYear = table.Column<int>(type: "int", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    LivelihoodProjectYear = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareFacilities", x => x.Id);
                    table.CheckConstraint("CK_CareFacility_Beds", "NursingBeds <= TotalBeds AND OccupiedBeds <= TotalBeds AND NursingBeds >= 0 AND OccupiedBeds >= 0");
                    table.ForeignKey(
                        name: "FK_CareFacilities_Divisions_DivisionCode",
                        column: x => x.DivisionCode,
                        principalTable: "Divisions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaregiverTrainings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Online = table.Column<bool>(type: "bit", nullable: false),
                    Participants = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaregiverTrainings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HighAgeAllowancePayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Age = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SettledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighAgeAllowancePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HighAgeAllowancePayments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HighAgeAllowanceStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MinAge = table.Column<int>(type: "int", nullable: false),
                    MaxAge = table.Column<int>(type: "int", nullable: true),
                    MonthlyAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HighAgeAllowanceStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeAdaptations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Items = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Cost = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Subsidy = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeAdaptations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeAdaptations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpeningBalances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IndicatorCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Before = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningBalances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ElderlyPersons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PersonId = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    EmptyNest = table.Column<bool>(type: "bit", nullable: false),
                    LivingAlone = table.Column<bool>(type: "bit", nullable: false),
                    Disabled = table.Column<bool>(type: "bit", nullable: false),
                    SeverelyDisabled = table.Column<bool>(type: "bit", nullable: false),
                    ExtremelyPoor = table.Column<bool>(type: "bit", nullable: false),
                    CareMode = table.Column<int>(type: "int", nullable: false),
                    FacilityId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElderlyPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElderlyPersons_CareFacilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "CareFacilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ElderlyPersons_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ElderlyPersonId = table.Column<int>(type: "int", nullable: false),
                    DivisionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Visitor = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Mode = table.Column<int>(type: "int", nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    FollowUpNeeded = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareVisits_ElderlyPersons_ElderlyPersonId",
                        column: x => x.ElderlyPersonId,
                        principalTable: "ElderlyPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_DivisionCode_Kind_Status",
                table: "CareFacilities",
                columns: new[] { "DivisionCode", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CareFacilities_Name",
                table: "CareFacilities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CaregiverTrainings_DivisionCode_HeldOn",
                table: "CaregiverTrainings",
                columns: new[] { "DivisionCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareVisits_DivisionCode_VisitedOn",
                table: "CareVisits",
                columns: new[] { "DivisionCode", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CareVisits_ElderlyPersonId",
                table: "CareVisits",
                column: "ElderlyPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_DivisionCode",
                table: "ElderlyPersons",
                column: "DivisionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_FacilityId",
                table: "ElderlyPersons",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ElderlyPersons_PersonId",
                table: "ElderlyPersons",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowancePayments_Period_DivisionCode_Status",
                table: "HighAgeAllowancePayments",
                columns: new[] { "Period", "DivisionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowancePayments_PersonId_Period",
                table: "HighAgeAllowancePayments",
                columns: new[] { "PersonId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HighAgeAllowanceStandards_MinAge_EffectiveFrom",
                table: "HighAgeAllowanceStandards",
                columns: new[] { "MinAge", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeAdaptations_DivisionCode_CompletedOn",
                table: "HomeAdaptations",
                columns: new[] { "DivisionCode", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeAdaptations_PersonId",
                table: "HomeAdaptations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OpeningBalances_IndicatorCode_DivisionCode",
                table: "OpeningBalances",
                columns: new[] { "IndicatorCode", "DivisionCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaregiverTrainings");

            migrationBuilder.DropTable(
                name: "CareVisits");

            migrationBuilder.DropTable(
                name: "HighAgeAllowancePayments");

            migrationBuilder.DropTable(
                name: "HighAgeAllowanceStandards");

            migrationBuilder.DropTable(
                name: "HomeAdaptations");

            migrationBuilder.DropTable(
                name: "OpeningBalances");

            migrationBuilder.DropTable(
                name: "ElderlyPersons");

            migrationBuilder.DropTable(
                name: "CareFacilities");
        }
    }
}
