/**
 * Fixtures for {@code kvlab.harness.rules.CodeRulesTest}: each class breaks one code rule on a line
 * marked {@code // violation: LABEL}, except {@link kvlab.codefixtures.CleanFixture}, which keeps
 * them all. Never run, only compiled and checked. Outside {@code kvlab.harness} on purpose: classes in
 * the harness's packages break a rule of their own.
 */
package kvlab.codefixtures;
