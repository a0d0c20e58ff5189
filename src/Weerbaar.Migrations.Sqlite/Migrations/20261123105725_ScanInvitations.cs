using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScanInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScanInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingToken = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OptedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReminderAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanInvitations_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScanInvitations_RoundId_GemeenteCode",
                table: "ScanInvitations",
                columns: new[] { "RoundId", "GemeenteCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanInvitations_TokenHash",
                table: "ScanInvitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScanInvitations");
        }
    }
}
