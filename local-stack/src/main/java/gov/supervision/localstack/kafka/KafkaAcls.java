package gov.supervision.localstack.kafka;

import gov.supervision.contracts.TopicAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local broker's ACLs, derived from {@link TopicAccess} (the same source as the Kubernetes
 * {@code KafkaUser}s): each service may write (and describe) its own topics and the dead-letter
 * topics of what it consumes, read (and describe) what it consumes, and read its own consumer
 * groups. Nothing else: the authorizer denies whatever no ACL allows. An idempotent producer needs
 * nothing more, since Write on a topic implies IdempotentWrite.
 */
public final class KafkaAcls {

  private static final Logger log = LoggerFactory.getLogger(KafkaAcls.class);

  private KafkaAcls() {}

  /** Every ACL the suite's principals should have. */
  public static Set<AclBinding> of(TopicAccess access) {
    Set<AclBinding> acls = new HashSet<>();
    for (String service : access.services()) {
      for (String topic : access.writable(service)) {
        allow(acls, service, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
      }
      for (String topic : access.readable(service)) {
        allow(acls, service, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
      }
      for (String group : access.consumerGroups(service)) {
        allow(acls, service, ResourceType.GROUP, group, AclOperation.READ);
      }
    }
    return acls;
  }

  /**
   * Makes the broker's ACLs exactly {@code wanted}: creates the missing ones and deletes any other
   * (left from an earlier version of the suite, or added by hand).
   */
  static void apply(Admin admin, Set<AclBinding> wanted)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<AclBinding> present =
        new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
    List<AclBindingFilter> stale = new ArrayList<>();
    for (AclBinding acl : present) {
      if (!wanted.contains(acl)) {
        stale.add(acl.toFilter());
      }
    }
    if (!stale.isEmpty()) {
      admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
      log.info("Deleted {} Kafka ACLs the suite does not grant", stale.size());
    }
    List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
    if (!missing.isEmpty()) {
      admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
      log.info("Created {} Kafka ACLs", missing.size());
    }
  }

  private static void allow(
      Set<AclBinding> acls,
      String principal,
      ResourceType type,
      String name,
      AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(
          new AclBinding(
              new ResourcePattern(type, name, PatternType.LITERAL),
              new AccessControlEntry(
                  "User:" + principal, "*", operation, AclPermissionType.ALLOW)));
    }
  }
}
