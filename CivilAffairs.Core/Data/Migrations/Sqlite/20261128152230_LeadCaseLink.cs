using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivilAffairs.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadCaseLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DibaoCaseId",
                table: "DiscoveryLeads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryLeads_DibaoCaseId",
                table: "DiscoveryLeads",
                column: "DibaoCaseId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DiscoveryLeads_DibaoCases_DibaoCaseId",
                table: "DiscoveryLeads",
                column: "DibaoCaseId",
                principalTable: "DibaoCases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DiscoveryLeads_DibaoCases_DibaoCaseId",
                table: "DiscoveryLeads");

            migrationBuilder.DropIndex(
                name: "IX_DiscoveryLeads_DibaoCaseId",
                table: "DiscoveryLeads");

            migrationBuilder.DropColumn(
                name: "DibaoCaseId",
                table: "DiscoveryLeads");
        }
    }
}
