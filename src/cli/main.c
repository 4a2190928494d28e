/* pbcheck: the command line over libpbcheck.  Subcommands live in cli_*.c;
 * with no subcommand the arguments are files to check. */
#include "cli/cli.h"
#include "cli/i18n.h"
#include "cli/output.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"check", cli_check},
    {"tables", cli_tables},
    {"rules", cli_rules},
    {"explain", cli_explain},
    {"config", cli_config},
    {"export", cli_export},
    {"annotate", cli_annotate},
};

int main(int argc, char **argv)
{
    /* libzip converts each entry's DOS time with mktime, and with TZ unset
     * glibc stats /etc/localtime on every call (a dozen per file); naming
     * the same zone file keeps it read once. */
    if (!getenv("TZ"))
        setenv("TZ", ":/etc/localtime", 0);
    setlocale(LC_ALL, "");
    int status = cli_i18n_setup(&argc, argv);
    if (status != EXIT_CLEAN)
        return status;
    cli_output_setup();
    if (argc > 1)
        for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].run(argc - 1, argv + 1);
    return cli_check(argc, argv);
}
