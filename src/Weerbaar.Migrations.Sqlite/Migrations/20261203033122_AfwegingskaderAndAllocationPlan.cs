using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AfwegingskaderAndAllocationPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AllocationPlans",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationPlans", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ScenarioCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ScenarioName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecords_DecisionRecords_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "DecisionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnScenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Pillars = table.Column<string>(type: "TEXT", nullable: false),
                    VitalServices = table.Column<string>(type: "TEXT", nullable: false),
                    TypicalDurationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    ScarceResources = table.Column<string>(type: "TEXT", nullable: false),
                    BasedOnCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    BasedOnLibraryVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnScenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriorityWeights",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    WeightsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PairwiseJson = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityWeights", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ScenarioCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    MethodVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Likelihood = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Impacts = table.Column<string>(type: "TEXT", nullable: false),
                    OwnPreparedness = table.Column<int>(type: "INTEGER", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_CorrectsId",
                table: "DecisionRecords",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecords_GemeenteCode_Number",
                table: "DecisionRecords",
                columns: new[] { "GemeenteCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnScenarios_GemeenteCode_Code",
                table: "OwnScenarios",
                columns: new[] { "GemeenteCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_GemeenteCode_ScenarioCode",
                table: "RiskAssessments",
                columns: new[] { "GemeenteCode", "ScenarioCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationPlans");

            migrationBuilder.DropTable(
                name: "DecisionRecords");

            migrationBuilder.DropTable(
                name: "OwnScenarios");

            migrationBuilder.DropTable(
                name: "PriorityWeights");

            migrationBuilder.DropTable(
                name: "RiskAssessments");
        }
    }
}
