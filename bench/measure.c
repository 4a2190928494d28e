/* Runs one command with its standard output sent to /dev/null and prints
 * what it cost, read from the kernel when it exits (wait4):
 *
 *   measure CMD [ARG]...
 *   → "WALL_S CPU_S MAXRSS_KIB STATUS" on one line
 *
 * WALL_S is the monotonic time from fork to exit, CPU_S user + system time
 * of the process and of every descendant it waited for (threads included),
 * MAXRSS_KIB the peak resident set of the largest of them, STATUS the exit
 * status (128 + N for a signal).  The caller decides which statuses count
 * as success: pbcheck exits 1 when it has findings. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: measure CMD [ARG]...\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
            _exit(127);
        close(null);
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("measure: wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%.6f %.6f %ld %d\n", wall, seconds(ru.ru_utime) + seconds(ru.ru_stime), ru.ru_maxrss, code);
    return 0;
}
