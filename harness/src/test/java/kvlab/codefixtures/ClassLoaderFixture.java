package kvlab.codefixtures;

/** Could define classes no rule has checked. */
public final class ClassLoaderFixture extends ClassLoader { // violation: implicit super()
}
