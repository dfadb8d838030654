package dev.rebuildplan.compose;

/** The shape of the AugmentOS cloud project, whose compose files live in augmentos_cloud/. */
final class AugmentOsFixture {
  static final String FOLDER = "augmentos_cloud";

  static final String COMPOSE =
      """
      services:
        augmentos-cloud-base:
          build:
            context: .
            dockerfile: Dockerfile.base
          image: augmentos-cloud-base:latest

        cloud:
          build:
            context: .
            dockerfile: Dockerfile.cloud
          ports:
            - "8002:80"
          environment:
            - NODE_ENV=production
          depends_on:
            - augmentos-cloud-base
            - mongodb

        dashboard-manager:
          build:
            context: .
            dockerfile: Dockerfile.dashboard-manager
          depends_on:
            - cloud

        flash:
          build:
            context: .
            dockerfile: Dockerfile.flash
          depends_on:
            - cloud

        mongodb:
          image: mongo:7.0
          volumes:
            - mongo-data:/data/db

      volumes:
        mongo-data:
      """;

  static final String DEV =
      """
      services:
        cloud:
          build:
            context: .
            dockerfile: Dockerfile.dev
          volumes:
            - ./packages:/app/packages
      """;

  static final String STAGING =
      """
      services:
        cloud:
          image: registry.example.com/cloud:staging
          build: ./staging
      """;

  private AugmentOsFixture() {}

  /** Returns the project's files with {@code compose} as its docker-compose.yml. */
  static InMemoryFiles files(String compose) {
    return new InMemoryFiles()
        .with(FOLDER + "/docker-compose.yml", compose)
        .with(FOLDER + "/docker-compose.dev.yml", DEV)
        .with(FOLDER + "/docker-compose.staging.yml", STAGING)
        .with(FOLDER + "/Dockerfile.base", "FROM node:20\n")
        .with(FOLDER + "/Dockerfile.cloud", "FROM augmentos-cloud-base:latest\n");
  }
}
