/* pbcheck: the command line over libpbcheck.  Subcommands live in cli_*.c;
 * with no subcommand the arguments are files to check. */
#include "cli.h"

#include <locale.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"check", cli_check},
};

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc > 1)
        for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].run(argc - 1, argv + 1);
    return cli_check(argc, argv);
}
